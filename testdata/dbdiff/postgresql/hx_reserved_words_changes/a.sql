CREATE TABLE "user" ("id" integer PRIMARY KEY, "order" integer, "Group" text);
CREATE TABLE "select" ("from" integer REFERENCES "user"("id"), "where" text);
INSERT INTO "user" VALUES (1, 1, 'A'); INSERT INTO "select" VALUES (1, 'x');
