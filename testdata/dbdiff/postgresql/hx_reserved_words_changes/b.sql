CREATE TABLE "user" ("id" integer PRIMARY KEY, "order" bigint NOT NULL DEFAULT 0, "Group" text, "limit" integer CHECK ("limit" > 0));
CREATE INDEX "Order Index" ON "user" ("order", "Group");
CREATE TABLE "select" ("from" integer REFERENCES "user"("id") ON DELETE CASCADE, "where" text, "table" text UNIQUE);
COMMENT ON COLUMN "select"."where" IS 'the "where" clause';
