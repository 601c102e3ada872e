CREATE DOMAIN short_code AS varchar(8);
