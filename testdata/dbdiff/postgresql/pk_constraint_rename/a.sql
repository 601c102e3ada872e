CREATE TABLE things (id integer, v text, CONSTRAINT things_pkey PRIMARY KEY (id));
INSERT INTO things VALUES (1, 'a');
