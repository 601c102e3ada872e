CREATE EXTENSION bloom;
CREATE TABLE facts (a integer, b integer, c integer);
CREATE INDEX ix_facts_bloom ON facts USING bloom (a, b, c) WITH (length = 80, col1 = 2);
