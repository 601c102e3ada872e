CREATE TABLE products (shop INTEGER, sku TEXT, PRIMARY KEY (shop, sku));
CREATE TABLE lines (id INTEGER PRIMARY KEY, shop INTEGER, sku TEXT);
INSERT INTO products VALUES (1, 'a');
INSERT INTO lines VALUES (1, 1, 'a');
