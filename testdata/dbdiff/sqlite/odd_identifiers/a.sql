CREATE TABLE "my table" ("col one" INTEGER PRIMARY KEY, "it's" TEXT, "with""quote" TEXT, [bracketed] TEXT, `tick` TEXT);
INSERT INTO "my table" VALUES (1, 'a', 'b', 'c', 'd');
