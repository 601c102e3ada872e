CREATE DOMAIN short_code AS varchar(16);
