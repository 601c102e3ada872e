CREATE TABLE "user" ("select" integer PRIMARY KEY, "from" text, "order" integer);
CREATE TABLE "group" ("table" integer PRIMARY KEY, "user" integer REFERENCES "user" ("select"));
INSERT INTO "user" VALUES (1, 'x', 2);
INSERT INTO "group" VALUES (1, 1);
