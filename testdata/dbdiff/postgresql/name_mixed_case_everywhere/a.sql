CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Customer" ("Id" integer PRIMARY KEY, "Name" text);
