CREATE SCHEMA sales; CREATE SCHEMA archive;
CREATE TABLE sales.orders (id integer PRIMARY KEY, total numeric);
CREATE TABLE archive.orders (id integer PRIMARY KEY, total numeric);
CREATE TABLE public.orders (id integer PRIMARY KEY);
INSERT INTO sales.orders VALUES (1, 10); INSERT INTO archive.orders VALUES (1, 5);
