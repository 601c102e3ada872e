CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    placed_on date NOT NULL,
    customer text NOT NULL,
    PRIMARY KEY (id, placed_on)
) PARTITION BY RANGE (placed_on);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE shipments (
    id integer PRIMARY KEY,
    order_id bigint NOT NULL,
    placed_on date NOT NULL,
    FOREIGN KEY (order_id, placed_on) REFERENCES orders (id, placed_on) ON DELETE CASCADE
);
CREATE TABLE returns (
    shipment_id integer REFERENCES shipments,
    order_id bigint,
    placed_on date,
    FOREIGN KEY (order_id, placed_on) REFERENCES orders
);
