CREATE TABLE blocks (id integer PRIMARY KEY, net inet);
CREATE INDEX ix_blocks_net ON blocks USING gist (net inet_ops);
