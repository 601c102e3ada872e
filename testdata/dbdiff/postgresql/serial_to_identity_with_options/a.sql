CREATE TABLE tasks (id serial PRIMARY KEY, title text);
INSERT INTO tasks (title) VALUES ('x'), ('y');
