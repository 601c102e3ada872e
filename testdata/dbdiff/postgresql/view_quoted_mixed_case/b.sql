CREATE TABLE "Orders" ("OrderId" integer PRIMARY KEY, "Total" numeric);
CREATE VIEW "BigOrders" AS SELECT "OrderId", "Total" AS "Grand Total" FROM "Orders" WHERE "Total" > 1000;
