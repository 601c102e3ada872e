CREATE TABLE users (id integer NOT NULL, email text, CONSTRAINT users_pkey PRIMARY KEY (id));
CREATE TABLE sessions (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
