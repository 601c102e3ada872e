CREATE TABLE flags (name text PRIMARY KEY);
INSERT INTO flags VALUES ('beta');
