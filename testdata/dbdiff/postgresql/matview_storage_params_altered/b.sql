CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric(10,2) NOT NULL);
INSERT INTO orders VALUES (1, 10, 25.00), (2, 10, 12.50), (3, 11, 99.90);
CREATE MATERIALIZED VIEW customer_totals WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05) AS
  SELECT customer_id, sum(total) AS spent FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX ux_customer_totals ON customer_totals (customer_id);
