CREATE TABLE shipments (id integer PRIMARY KEY, carrier varchar(60) NOT NULL, weight_kg integer NOT NULL);
INSERT INTO shipments VALUES (1, 'dhl', 12), (2, 'ups', 3), (3, 'dhl', 7);
CREATE MATERIALIZED VIEW carrier_weights WITH (fillfactor = 70) AS
  SELECT carrier, sum(weight_kg) AS total_kg FROM shipments GROUP BY carrier;
CREATE UNIQUE INDEX ux_carrier_weights ON carrier_weights (carrier);
ALTER MATERIALIZED VIEW carrier_weights ALTER COLUMN carrier SET STATISTICS 400;
