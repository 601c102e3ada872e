CREATE TABLE items (id integer PRIMARY KEY, name text, price numeric(10,2));
CREATE FUNCTION all_items() RETURNS SETOF items LANGUAGE sql STABLE AS 'SELECT * FROM items ORDER BY id';
CREATE FUNCTION cheap_items(lim numeric DEFAULT 10) RETURNS SETOF items LANGUAGE sql STABLE ROWS 50 AS 'SELECT * FROM items WHERE price < lim';
