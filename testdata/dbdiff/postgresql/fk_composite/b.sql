CREATE TABLE products (shop integer, sku text, name text, PRIMARY KEY (shop, sku));
CREATE TABLE lines (id integer PRIMARY KEY, shop integer, sku text, qty integer,
    CONSTRAINT fk_lines_product FOREIGN KEY (shop, sku) REFERENCES products (shop, sku) MATCH FULL ON DELETE CASCADE);
