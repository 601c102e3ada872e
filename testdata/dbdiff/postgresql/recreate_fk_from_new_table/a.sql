CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    placed_on date NOT NULL,
    customer text NOT NULL,
    PRIMARY KEY (id, placed_on)
);
INSERT INTO orders (placed_on, customer) VALUES ('2024-01-05', 'ann'), ('2024-09-09', 'bob');
