CREATE TABLE names (id integer PRIMARY KEY, a text, b text COLLATE "C", c varchar(20) COLLATE "POSIX");
INSERT INTO names VALUES (1, 'x', 'y', 'z');
