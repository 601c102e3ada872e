CREATE DOMAIN string AS varchar(200);
CREATE TYPE "binary" AS ENUM ('zero', 'one');
CREATE TABLE t (id integer PRIMARY KEY, label string, bit "binary");
