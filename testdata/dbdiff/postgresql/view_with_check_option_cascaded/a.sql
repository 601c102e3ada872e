CREATE TABLE products (id integer PRIMARY KEY, price numeric, visible boolean);
CREATE VIEW visible_products AS SELECT id, price, visible FROM products WHERE visible;
CREATE VIEW cheap_visible AS SELECT * FROM visible_products WHERE price < 10;
