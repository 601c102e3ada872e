CREATE TABLE "order items" ("item id" INTEGER PRIMARY KEY, "order no" INTEGER);
INSERT INTO "order items" VALUES (1, NULL);
