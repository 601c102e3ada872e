CREATE TABLE legacy_orders (id integer PRIMARY KEY, total numeric);
CREATE VIEW legacy_totals AS SELECT sum(total) AS total FROM legacy_orders;
CREATE VIEW legacy_report AS SELECT total * 2 AS doubled FROM legacy_totals;
CREATE TABLE keep (id integer PRIMARY KEY);
