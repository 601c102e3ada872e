CREATE TABLE t (id integer PRIMARY KEY);
CREATE SCHEMA "Müller GmbH";
CREATE TABLE "Müller GmbH"."Aufträge" ("Nr" integer PRIMARY KEY, "Größe" numeric);
