CREATE TABLE "my table" ("col one" integer PRIMARY KEY, "it's" varchar(5), "with""quote" text NOT NULL DEFAULT 'q', "ünïcødé" text);
CREATE INDEX "my index" ON "my table" ("it's", "with""quote");
