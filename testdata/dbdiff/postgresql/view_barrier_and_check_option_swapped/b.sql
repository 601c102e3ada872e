CREATE TABLE docs (id integer PRIMARY KEY, owner text, public boolean NOT NULL DEFAULT false);
CREATE VIEW public_docs AS SELECT id, owner, public FROM docs WHERE public WITH CASCADED CHECK OPTION;
CREATE VIEW owner_a_docs WITH (security_barrier = true, check_option = local) AS SELECT id, owner, public FROM public_docs WHERE owner = 'a';
