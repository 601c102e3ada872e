CREATE DOMAIN currency_code AS char(3) NOT NULL DEFAULT 'EUR';
CREATE TABLE prices (id integer PRIMARY KEY, currency currency_code);
