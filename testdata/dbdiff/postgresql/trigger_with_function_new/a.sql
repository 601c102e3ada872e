CREATE TABLE orders (id integer PRIMARY KEY, total numeric);
