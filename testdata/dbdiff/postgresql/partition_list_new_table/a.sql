CREATE TABLE customers (id integer PRIMARY KEY, region text NOT NULL);
INSERT INTO customers VALUES (1, 'eu'), (2, 'us');
