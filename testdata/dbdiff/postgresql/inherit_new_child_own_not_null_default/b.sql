CREATE TABLE shipment (id bigint NOT NULL, shipped_at timestamptz, carrier text DEFAULT 'post');
CREATE TABLE express_shipment (courier_ref text) INHERITS (shipment);
ALTER TABLE express_shipment ALTER shipped_at SET NOT NULL;
ALTER TABLE express_shipment ALTER shipped_at SET DEFAULT now();
ALTER TABLE express_shipment ALTER carrier SET DEFAULT 'courier';
COMMENT ON COLUMN express_shipment.shipped_at IS 'express parcels leave at once';
INSERT INTO shipment VALUES (1, '2024-03-01 09:00+00', 'dhl'), (2, NULL, 'post');
INSERT INTO express_shipment VALUES (3, '2024-03-02 08:00+00', 'courier', 'X-77');
