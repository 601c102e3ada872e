CREATE TABLE items (id integer PRIMARY KEY, a integer, b integer);
CREATE SEQUENCE items_seq OWNED BY items.a;
INSERT INTO items VALUES (1, 1, 2);
