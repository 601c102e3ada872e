CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION "Größe"("Länge" integer) RETURNS integer LANGUAGE sql AS 'SELECT $1 * 10';
CREATE FUNCTION "calcTotal"("Net" numeric) RETURNS numeric LANGUAGE sql AS 'SELECT $1';
