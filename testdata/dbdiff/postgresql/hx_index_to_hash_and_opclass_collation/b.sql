CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE INDEX t_ab_idx ON t USING hash (a);
CREATE INDEX t_b_idx ON t (b text_pattern_ops DESC NULLS LAST, a COLLATE "C");
