CREATE TABLE "Audit Trail" (id integer PRIMARY KEY);
CREATE FUNCTION nothing() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "Before Insert" BEFORE INSERT ON "Audit Trail" FOR EACH ROW EXECUTE FUNCTION nothing();
COMMENT ON TRIGGER "Before Insert" ON "Audit Trail" IS 'placeholder for the auditor';
