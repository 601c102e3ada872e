CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE people (id integer PRIMARY KEY, m mood);
INSERT INTO people VALUES (1, 'sad'), (2, 'ok');
