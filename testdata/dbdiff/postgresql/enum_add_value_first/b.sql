CREATE TYPE priority AS ENUM ('none', 'low', 'high');
CREATE TABLE tasks (id integer PRIMARY KEY, p priority);
