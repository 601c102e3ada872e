CREATE DOMAIN currency_code AS char(3);
CREATE TABLE prices (id integer PRIMARY KEY, currency currency_code);
