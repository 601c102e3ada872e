CREATE TABLE "text" ("text" varchar(20) NOT NULL DEFAULT 'x', "date" date, "int" bigint, "timestamp" timestamptz,
  CONSTRAINT "check" CHECK ("int" > 0));
CREATE UNIQUE INDEX "unique" ON "text" ("text", "date");
