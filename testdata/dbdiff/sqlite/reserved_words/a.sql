CREATE TABLE "order" ("select" INTEGER PRIMARY KEY, "from" TEXT, "group" INTEGER);
INSERT INTO "order" VALUES (1, 'x', 2);
