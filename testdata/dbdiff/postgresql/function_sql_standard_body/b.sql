CREATE TABLE items (id integer PRIMARY KEY, price numeric);
CREATE FUNCTION item_price(i integer) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT price FROM items WHERE id = i;
END;
