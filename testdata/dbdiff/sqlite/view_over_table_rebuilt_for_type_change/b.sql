CREATE TABLE prices (id INTEGER PRIMARY KEY, amount NUMERIC(10,2) NOT NULL DEFAULT 0, cur TEXT);
CREATE VIEW euro_prices AS SELECT id, amount FROM prices WHERE cur = 'EUR';
CREATE VIEW euro_total AS SELECT sum(amount) AS total FROM euro_prices;
