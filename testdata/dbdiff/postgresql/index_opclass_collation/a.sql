CREATE TABLE words (id integer PRIMARY KEY, w text, v varchar(40));
CREATE INDEX ix_words_w ON words (w);
CREATE INDEX ix_words_v ON words (v);
INSERT INTO words VALUES (1, 'abc', 'x');
