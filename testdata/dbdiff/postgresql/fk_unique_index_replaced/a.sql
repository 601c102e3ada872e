CREATE TABLE currencies (id integer PRIMARY KEY, code char(3) NOT NULL, region text);
CREATE UNIQUE INDEX ux_currencies_code ON currencies (code);
CREATE TABLE prices (id integer PRIMARY KEY, currency char(3), CONSTRAINT fk_prices_currency FOREIGN KEY (currency) REFERENCES currencies (code));
INSERT INTO currencies VALUES (1, 'EUR', 'eu');
INSERT INTO prices VALUES (1, 'EUR');
