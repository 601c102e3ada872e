CREATE TABLE t (a integer, b text, c date);
INSERT INTO t VALUES (1, 'x', '2024-01-01');
