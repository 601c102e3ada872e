CREATE TABLE items (id integer PRIMARY KEY, a integer, b integer);
CREATE SEQUENCE items_seq AS integer OWNED BY items.b;
