CREATE TABLE api_keys (name text PRIMARY KEY);
INSERT INTO api_keys VALUES ('ci');
