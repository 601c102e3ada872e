CREATE TABLE prices (id integer PRIMARY KEY, cents integer);
INSERT INTO prices VALUES (1, 250);
CREATE VIEW prices_v AS SELECT id, cents / 100 AS amount FROM prices;
CREATE VIEW prices_big AS SELECT id FROM prices_v WHERE amount > 1;
