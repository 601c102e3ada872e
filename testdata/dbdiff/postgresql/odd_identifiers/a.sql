CREATE TABLE "my table" ("col one" integer PRIMARY KEY, "it's" text, "with""quote" text);
INSERT INTO "my table" VALUES (1, 'a', 'b');
