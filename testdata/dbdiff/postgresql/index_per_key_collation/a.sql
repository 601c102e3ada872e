CREATE TABLE words (id integer PRIMARY KEY, w text);
CREATE INDEX ix_words_w ON words (w);
