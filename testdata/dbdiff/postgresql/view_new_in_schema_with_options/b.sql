CREATE SCHEMA rpt;
CREATE TABLE orders (id integer PRIMARY KEY, total numeric NOT NULL, status text NOT NULL);
CREATE VIEW rpt.open_orders WITH (security_barrier = true, security_invoker = true) AS SELECT id, total, status FROM public.orders WHERE status = 'open' WITH CHECK OPTION;
CREATE VIEW rpt.open_total AS SELECT sum(total) AS total FROM rpt.open_orders;
