CREATE SCHEMA "Reporting";
CREATE TABLE "Reporting"."Daily Totals" ("Day" date PRIMARY KEY, "Total" numeric);
CREATE TABLE t (id integer PRIMARY KEY);
