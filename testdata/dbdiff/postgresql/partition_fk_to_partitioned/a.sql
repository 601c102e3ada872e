CREATE TABLE orders (id bigint NOT NULL, placed date NOT NULL, PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE shipments (id integer PRIMARY KEY, order_id bigint NOT NULL, order_placed date NOT NULL);
INSERT INTO orders VALUES (1, '2024-02-02');
INSERT INTO shipments VALUES (1, 1, '2024-02-02');
