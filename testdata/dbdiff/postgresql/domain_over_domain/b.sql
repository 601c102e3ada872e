CREATE DOMAIN nonempty_text AS text CHECK (VALUE <> '');
CREATE DOMAIN slug AS nonempty_text CHECK (VALUE ~ '^[a-z0-9-]+$');
CREATE TABLE tags (id integer PRIMARY KEY, label nonempty_text, slug slug);
