CREATE TYPE role AS ENUM ('admin', 'member');
CREATE TABLE users (id integer PRIMARY KEY, name text, role role NOT NULL DEFAULT 'member');
