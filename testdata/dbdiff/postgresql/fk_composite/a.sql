CREATE TABLE products (shop integer, sku text, name text, PRIMARY KEY (shop, sku));
CREATE TABLE lines (id integer PRIMARY KEY, shop integer, sku text, qty integer);
INSERT INTO products VALUES (1, 'a', 'x');
INSERT INTO lines VALUES (1, 1, 'a', 2);
