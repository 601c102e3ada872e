# unnamed objects follow the naming convention and are renamed with the table (an unnamed check is ck_<table>_<position>)
seed: INSERT INTO authors (name) VALUES ('ann'); INSERT INTO books (author_id) VALUES (1)
rev!: DROP TABLE
q: SELECT string_agg(conrelid::regclass || ':' || conname, ',' ORDER BY conrelid::regclass::text, conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE 'schemadiff%' => books:fk_books_author_id_writers,books:pk_books,writers:ck_writers_1,writers:pk_writers
q: SELECT string_agg(indexrelid::regclass::text, ',' ORDER BY indexrelid::regclass::text) FROM pg_index WHERE indrelid IN (SELECT oid FROM pg_class WHERE relname IN ('authors', 'writers')) AND NOT indisprimary => ix_writers_name
up-q: SELECT string_agg(b.id || '/' || a.name, ',') FROM books b JOIN writers a ON a.id = b.author_id => 1/ann
