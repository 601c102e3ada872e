CREATE TABLE words (id integer PRIMARY KEY, w text, v varchar(40));
CREATE INDEX ix_words_w ON words (w text_pattern_ops);
CREATE INDEX ix_words_v ON words (v COLLATE "C" varchar_pattern_ops);
