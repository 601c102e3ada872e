CREATE TABLE readings (id integer PRIMARY KEY, v numeric);
INSERT INTO readings VALUES (1, 1.5), (2, 2.5), (3, 4);
CREATE FUNCTION sum_acc(s numeric, v numeric) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s + v';
CREATE AGGREGATE running_sum(numeric) (SFUNC = sum_acc, STYPE = numeric, INITCOND = '0');
CREATE VIEW readings_running AS SELECT id, running_sum(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM readings;
