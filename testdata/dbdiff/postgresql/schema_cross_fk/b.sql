CREATE SCHEMA auth;
CREATE SCHEMA app;
CREATE TABLE auth.users (id integer PRIMARY KEY, name text);
CREATE TABLE app.posts (id integer PRIMARY KEY, author integer CONSTRAINT fk_posts_author REFERENCES auth.users (id) ON DELETE CASCADE);
CREATE TABLE auth.sessions (id integer PRIMARY KEY, post integer REFERENCES app.posts (id));
