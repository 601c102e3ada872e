CREATE TABLE products (shop INTEGER, sku TEXT, PRIMARY KEY (shop, sku));
CREATE TABLE lines (id INTEGER PRIMARY KEY, shop INTEGER, sku TEXT, CONSTRAINT fk_lines FOREIGN KEY (shop, sku) REFERENCES products (shop, sku) ON DELETE CASCADE);
