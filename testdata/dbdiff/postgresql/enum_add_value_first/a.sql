CREATE TYPE priority AS ENUM ('low', 'high');
CREATE TABLE tasks (id integer PRIMARY KEY, p priority);
INSERT INTO tasks VALUES (1, 'high');
