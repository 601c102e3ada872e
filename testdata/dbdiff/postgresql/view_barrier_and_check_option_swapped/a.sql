CREATE TABLE docs (id integer PRIMARY KEY, owner text, public boolean NOT NULL DEFAULT false);
INSERT INTO docs VALUES (1, 'a', true);
CREATE VIEW public_docs WITH (security_barrier = true) AS SELECT id, owner, public FROM docs WHERE public WITH LOCAL CHECK OPTION;
CREATE VIEW owner_a_docs AS SELECT id, owner, public FROM public_docs WHERE owner = 'a';
