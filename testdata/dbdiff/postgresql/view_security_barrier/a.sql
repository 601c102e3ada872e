CREATE TABLE secrets (id integer PRIMARY KEY, owner text, value text);
CREATE VIEW my_secrets AS SELECT id, value FROM secrets WHERE owner = current_user;
