CREATE TABLE users (id integer NOT NULL, email text, CONSTRAINT users_id_key UNIQUE (id));
CREATE TABLE sessions (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
INSERT INTO users VALUES (1, 'a'); INSERT INTO sessions VALUES (1, 1);
