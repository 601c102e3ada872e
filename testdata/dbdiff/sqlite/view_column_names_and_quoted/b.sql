CREATE TABLE "Order Lines" ("Line Id" INTEGER PRIMARY KEY, qty INTEGER, price REAL);
CREATE VIEW "Line Totals" ("Line", "Sum €") AS SELECT "Line Id", qty * price FROM "Order Lines";
