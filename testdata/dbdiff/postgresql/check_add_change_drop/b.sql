CREATE TABLE products (id integer PRIMARY KEY, price numeric, qty integer,
    CONSTRAINT ck_price CHECK (price > 10 AND price < 1000),
    CONSTRAINT ck_both CHECK ((price IS NULL) = (qty IS NULL)));
