CREATE TABLE "my table" (id integer PRIMARY KEY, "a.b" text, "say ""hi""" text, "trailing " integer);
CREATE INDEX "ix my table a.b" ON "my table" ("a.b");
CREATE VIEW "my view" AS SELECT "a.b", "say ""hi""" FROM "my table";
