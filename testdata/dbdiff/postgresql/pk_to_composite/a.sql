CREATE TABLE memberships (id integer PRIMARY KEY, user_id integer NOT NULL, group_id integer NOT NULL, role text);
INSERT INTO memberships VALUES (1, 10, 20, 'admin'), (2, 11, 20, 'user');
