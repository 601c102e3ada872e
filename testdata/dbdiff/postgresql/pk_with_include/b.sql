CREATE TABLE sessions (token text, user_id integer, CONSTRAINT sessions_pkey PRIMARY KEY (token) INCLUDE (user_id));
