CREATE TABLE nodes (id INTEGER PRIMARY KEY, name TEXT, parent_id INTEGER REFERENCES nodes (id));
CREATE INDEX ix_nodes_parent ON nodes (parent_id);
