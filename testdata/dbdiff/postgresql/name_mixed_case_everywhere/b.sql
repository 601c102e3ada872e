CREATE SCHEMA "Sales";
CREATE TYPE "Sales"."Tier" AS ENUM ('Gold', 'Silver');
CREATE TABLE "Sales"."Customer" ("Id" integer PRIMARY KEY, "Name" text, "Tier" "Sales"."Tier", CONSTRAINT "CK_Customer_Name" CHECK ("Name" <> ''));
CREATE INDEX "IX_Customer_Name" ON "Sales"."Customer" ("Name");
CREATE TABLE "Sales"."Order" ("Id" integer PRIMARY KEY, "CustomerId" integer CONSTRAINT "FK_Order_Customer" REFERENCES "Sales"."Customer" ("Id"));
