CREATE TABLE projects (id integer PRIMARY KEY, name text);
CREATE TABLE tasks (id integer PRIMARY KEY, project_id integer, name text);
INSERT INTO projects VALUES (1, 'p'); INSERT INTO tasks VALUES (1, 1, 't'), (2, 99, 'orphan');
