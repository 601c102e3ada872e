CREATE TABLE users (id integer PRIMARY KEY, email text CONSTRAINT users_email_key UNIQUE, login text);
