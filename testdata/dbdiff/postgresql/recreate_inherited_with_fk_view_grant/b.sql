CREATE TABLE base_items (created_at timestamptz NOT NULL DEFAULT '2024-01-01', note text);
CREATE TABLE books (id serial PRIMARY KEY, title text NOT NULL UNIQUE) INHERITS (base_items);
COMMENT ON COLUMN books.title IS 'as printed';
CREATE TABLE loans (id integer PRIMARY KEY, book_id integer NOT NULL REFERENCES books (id), CONSTRAINT loans_title_fk FOREIGN KEY (book_id) REFERENCES books (id) DEFERRABLE);
COMMENT ON CONSTRAINT loans_title_fk ON loans IS 'twice on purpose';
CREATE VIEW book_titles AS SELECT id, title FROM books;
GRANT SELECT ON books TO PUBLIC;
ALTER TABLE books ENABLE ROW LEVEL SECURITY;
CREATE POLICY books_all ON books USING (true);
