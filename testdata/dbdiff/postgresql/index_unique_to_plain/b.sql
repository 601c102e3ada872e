CREATE TABLE handles (id integer PRIMARY KEY, handle text);
CREATE INDEX ix_handles_handle ON handles (handle);
