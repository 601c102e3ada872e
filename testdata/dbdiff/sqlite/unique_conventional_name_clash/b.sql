CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT UNIQUE, login TEXT);
CREATE INDEX uq_account_email ON account (login);
CREATE TABLE member (
	id INTEGER PRIMARY KEY,
	handle TEXT UNIQUE,
	CONSTRAINT uq_member_handle CHECK (length(handle) > 1)
);
