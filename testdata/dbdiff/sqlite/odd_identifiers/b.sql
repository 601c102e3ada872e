CREATE TABLE "my table" ("col one" INTEGER PRIMARY KEY, "it's" VARCHAR(5), "with""quote" TEXT NOT NULL DEFAULT 'q', [bracketed] TEXT, `tick` INTEGER, "ünï" TEXT);
CREATE INDEX "my index" ON "my table" ("it's", "with""quote");
