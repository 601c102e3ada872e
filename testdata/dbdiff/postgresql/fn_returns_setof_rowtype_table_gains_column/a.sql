CREATE TABLE items (id integer PRIMARY KEY, name text);
INSERT INTO items VALUES (1, 'a');
CREATE FUNCTION all_items() RETURNS SETOF items LANGUAGE sql STABLE AS 'SELECT * FROM items ORDER BY id';
