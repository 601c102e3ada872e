CREATE TABLE pairs (l integer, r integer);
CREATE VIEW pair_sums (left_value, right_value, total) AS SELECT l, r, l + r FROM pairs;
