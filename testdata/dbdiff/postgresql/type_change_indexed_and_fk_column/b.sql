CREATE TABLE parents (code text PRIMARY KEY, v text);
CREATE TABLE kids (id integer PRIMARY KEY, parent text REFERENCES parents (code), n bigint);
CREATE INDEX ix_kids_parent ON kids (parent);
CREATE INDEX ix_kids_n ON kids (n) WHERE n > 0;
