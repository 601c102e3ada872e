CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
CREATE TABLE shifts (id integer PRIMARY KEY, days weekday[] NOT NULL DEFAULT '{mon,tue}');
