CREATE TABLE tags (id integer PRIMARY KEY, label text UNIQUE, slug text, CONSTRAINT tags_slug_key UNIQUE (slug));
COMMENT ON INDEX tags_pkey IS 'new text';
COMMENT ON INDEX tags_slug_key IS 'added';
