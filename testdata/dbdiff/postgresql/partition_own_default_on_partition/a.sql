CREATE TABLE items (kind text NOT NULL, qty integer) PARTITION BY LIST (kind);
CREATE TABLE items_a PARTITION OF items FOR VALUES IN ('a');
CREATE TABLE items_b PARTITION OF items FOR VALUES IN ('b');
