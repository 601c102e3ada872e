CREATE TABLE tokens (id integer PRIMARY KEY, value text);
CREATE INDEX ix_tokens_value ON tokens USING hash (value);
