CREATE TABLE orders (id bigint NOT NULL, placed date NOT NULL, PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE shipments (id integer PRIMARY KEY, order_id bigint NOT NULL, order_placed date NOT NULL,
    CONSTRAINT fk_shipments_order FOREIGN KEY (order_id, order_placed) REFERENCES orders (id, placed));
