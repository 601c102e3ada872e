CREATE TABLE "all orders" ("order no" INTEGER PRIMARY KEY, "placed at" TEXT);
CREATE TABLE "order items" ("item id" INTEGER PRIMARY KEY, "order no" INTEGER REFERENCES "all orders" ("order no") ON DELETE CASCADE);
CREATE INDEX "ix order no" ON "order items" ("order no");
