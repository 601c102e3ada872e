CREATE TABLE items (id integer PRIMARY KEY, a integer, b integer, c text);
CREATE INDEX items_ab_idx ON items (a, b);
ALTER TABLE items ADD CONSTRAINT items_abc_check CHECK (a < b OR c IS NOT NULL);
INSERT INTO items VALUES (1, 1, 2, 'x');
