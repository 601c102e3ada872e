CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, deleted_at TEXT);
CREATE UNIQUE INDEX ux_users_email_live ON users (email COLLATE NOCASE) WHERE deleted_at IS NULL;
