CREATE TABLE currencies (id integer PRIMARY KEY, code char(3) NOT NULL, region text NOT NULL);
CREATE UNIQUE INDEX ux_currencies_region_code ON currencies (region, code);
CREATE TABLE prices (id integer PRIMARY KEY, currency char(3), region text, CONSTRAINT fk_prices_currency FOREIGN KEY (region, currency) REFERENCES currencies (region, code));
