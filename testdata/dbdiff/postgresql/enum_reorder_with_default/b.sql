CREATE TYPE prio AS ENUM ('high', 'mid', 'low');
CREATE TABLE tasks (id integer PRIMARY KEY, p prio DEFAULT 'low', q prio[]);
