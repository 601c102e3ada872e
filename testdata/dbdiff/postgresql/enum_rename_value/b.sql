CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE orders (id integer PRIMARY KEY, state order_state NOT NULL DEFAULT 'new');
