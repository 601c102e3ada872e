CREATE TYPE address AS (street text, city text, zip varchar(5));
CREATE TABLE shipping_addresses OF address (city WITH OPTIONS NOT NULL);
INSERT INTO shipping_addresses VALUES ('1 Main St', 'Springfield', '12345');
