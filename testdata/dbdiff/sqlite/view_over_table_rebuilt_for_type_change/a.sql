CREATE TABLE prices (id INTEGER PRIMARY KEY, amount INTEGER, cur TEXT);
CREATE VIEW euro_prices AS SELECT id, amount FROM prices WHERE cur = 'EUR';
CREATE VIEW euro_total AS SELECT sum(amount) AS total FROM euro_prices;
INSERT INTO prices VALUES (1, 100, 'EUR');
