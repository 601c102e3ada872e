CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE INDEX t_v_idx ON t (v varchar_pattern_ops) WITH (deduplicate_items = off);
CREATE INDEX t_v_spgist ON t USING spgist (v);
CREATE INDEX t_id_v_gin ON t USING gin (to_tsvector('simple'::regconfig, v));
