CREATE TABLE secrets (id integer PRIMARY KEY, owner text, value text);
CREATE VIEW my_secrets WITH (security_barrier) AS SELECT id, value FROM secrets WHERE owner = current_user;
