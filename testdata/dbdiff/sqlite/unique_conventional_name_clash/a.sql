CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT, login TEXT);
CREATE INDEX ix_account_login ON account (login);
INSERT INTO account VALUES (1, 'a@x', 'ann'), (2, 'b@x', 'bob');
