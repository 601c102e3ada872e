CREATE TABLE readings (id integer PRIMARY KEY, v numeric);
CREATE FUNCTION sum_acc(s numeric, v numeric) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s + v';
CREATE FUNCTION sum_inv(s numeric, v numeric) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s - v';
CREATE AGGREGATE running_sum(numeric) (SFUNC = sum_acc, STYPE = numeric, INITCOND = '0', MSFUNC = sum_acc, MINVFUNC = sum_inv, MSTYPE = numeric, MINITCOND = '0', PARALLEL = SAFE);
CREATE VIEW readings_running AS SELECT id, running_sum(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM readings;
