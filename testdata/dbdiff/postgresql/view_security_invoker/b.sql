CREATE TABLE docs (id integer PRIMARY KEY, body text);
CREATE VIEW doc_list WITH (security_invoker = true) AS SELECT id FROM docs;
