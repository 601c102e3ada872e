CREATE TYPE status AS ENUM ('new', 'open', 'obsolete', 'closed');
CREATE TABLE bugs (id integer PRIMARY KEY, st status NOT NULL);
INSERT INTO bugs VALUES (1, 'new'), (2, 'closed');
