CREATE TYPE prio AS ENUM ('low', 'mid', 'high');
CREATE TABLE tasks (id integer PRIMARY KEY, p prio DEFAULT 'mid', q prio[]);
INSERT INTO tasks VALUES (1, 'low', '{low,high}');
