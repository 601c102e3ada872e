CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
CREATE TABLE shifts (id integer PRIMARY KEY);
INSERT INTO shifts VALUES (1);
