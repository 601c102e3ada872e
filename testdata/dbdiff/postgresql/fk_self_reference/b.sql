CREATE TABLE nodes (id integer PRIMARY KEY, name text, parent_id integer REFERENCES nodes (id) ON DELETE CASCADE);
CREATE INDEX ix_nodes_parent ON nodes (parent_id);
