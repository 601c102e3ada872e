CREATE TABLE users (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email varchar(120),
    created_at timestamptz NOT NULL DEFAULT now(),
    active boolean NOT NULL DEFAULT true
);
