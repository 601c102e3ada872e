CREATE TABLE docs (id integer PRIMARY KEY, body text);
CREATE VIEW doc_list AS SELECT id FROM docs;
