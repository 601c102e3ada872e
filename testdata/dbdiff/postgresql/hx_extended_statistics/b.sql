CREATE TABLE addresses (id integer PRIMARY KEY, zip text, city text, country text);
CREATE STATISTICS addresses_zip_city (dependencies, ndistinct) ON zip, city FROM addresses;
CREATE STATISTICS addresses_country_mcv (mcv) ON country, lower(city) FROM addresses;
ALTER STATISTICS addresses_zip_city SET STATISTICS 500;
