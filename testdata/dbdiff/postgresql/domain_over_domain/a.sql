CREATE DOMAIN nonempty_text AS text CHECK (VALUE <> '');
CREATE TABLE tags (id integer PRIMARY KEY, label nonempty_text);
