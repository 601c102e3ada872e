CREATE TABLE items (id integer PRIMARY KEY, price numeric);
