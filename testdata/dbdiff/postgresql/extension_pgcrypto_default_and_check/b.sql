CREATE EXTENSION pgcrypto;
CREATE TABLE users (id integer PRIMARY KEY, email text, salt bytea NOT NULL DEFAULT gen_random_bytes(16), password_hash text CHECK (password_hash IS NULL OR password_hash LIKE '$2a$%'));
