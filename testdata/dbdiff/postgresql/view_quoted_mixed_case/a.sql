CREATE TABLE "Orders" ("OrderId" integer PRIMARY KEY, "Total" numeric);
