CREATE TABLE "order" ("select" INTEGER PRIMARY KEY, "from" TEXT NOT NULL DEFAULT 'f', "where" BOOLEAN, "table" INTEGER CHECK ("table" > 0));
CREATE INDEX "index" ON "order" ("from", "where");
