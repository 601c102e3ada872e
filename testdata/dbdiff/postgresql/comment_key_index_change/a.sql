CREATE TABLE tags (id integer PRIMARY KEY, label text UNIQUE, slug text, CONSTRAINT tags_slug_key UNIQUE (slug));
COMMENT ON INDEX tags_pkey IS 'old text';
COMMENT ON INDEX tags_label_key IS 'to be removed';
INSERT INTO tags VALUES (1, 'a', 'a');
