CREATE DOMAIN quantity AS integer;
ALTER DOMAIN quantity ADD CONSTRAINT quantity_nonnegative CHECK (VALUE >= 0) NOT VALID;
CREATE TABLE stock (id integer PRIMARY KEY, qty quantity);
