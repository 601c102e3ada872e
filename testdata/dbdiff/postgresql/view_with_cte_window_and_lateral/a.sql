CREATE TABLE payments (id integer PRIMARY KEY, account integer, amount numeric, paid date);
