CREATE DOMAIN code AS text NOT NULL CONSTRAINT code_format CHECK (VALUE ~ '^[A-Z][0-9]+$') DEFAULT 'X0';
CREATE TABLE products (id integer PRIMARY KEY, c code);
