CREATE TYPE status AS ENUM ('new', 'open', 'closed');
CREATE TABLE bugs (id integer PRIMARY KEY, st status NOT NULL);
