CREATE TABLE shipment (id bigint NOT NULL, shipped_at timestamptz, carrier text DEFAULT 'post');
INSERT INTO shipment VALUES (1, '2024-03-01 09:00+00', 'dhl'), (2, NULL, 'post');
