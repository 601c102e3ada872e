CREATE TABLE products (id integer PRIMARY KEY, price numeric, qty integer,
    CONSTRAINT ck_price CHECK (price > 0),
    CONSTRAINT ck_qty CHECK (qty >= 0));
INSERT INTO products VALUES (1, 20, 1);
