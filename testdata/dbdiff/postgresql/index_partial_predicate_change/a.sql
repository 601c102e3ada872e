CREATE TABLE users (id integer PRIMARY KEY, email text, deleted_at timestamptz);
CREATE UNIQUE INDEX ux_users_email_live ON users (email) WHERE deleted_at IS NULL;
