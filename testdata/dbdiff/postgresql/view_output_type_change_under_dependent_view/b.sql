CREATE TABLE prices (id integer PRIMARY KEY, cents integer);
CREATE VIEW prices_v AS SELECT id, cents / 100.0 AS amount FROM prices;
CREATE VIEW prices_big AS SELECT id FROM prices_v WHERE amount > 1;
