CREATE DOMAIN percent AS numeric(5,2);
CREATE TABLE discounts (id integer PRIMARY KEY, pct percent);
INSERT INTO discounts VALUES (1, 15.5);
