CREATE TABLE notes (id integer PRIMARY KEY, body text);
COMMENT ON TABLE notes IS 'Plain';
INSERT INTO notes VALUES (1, 'x');
