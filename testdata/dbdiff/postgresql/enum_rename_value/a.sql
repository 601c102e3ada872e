CREATE TYPE order_state AS ENUM ('new', 'payed', 'shipped');
CREATE TABLE orders (id integer PRIMARY KEY, state order_state NOT NULL DEFAULT 'new');
INSERT INTO orders VALUES (1, 'payed'), (2, 'new');
