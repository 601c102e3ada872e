CREATE TABLE shifts (id integer PRIMARY KEY, hours numrange);
INSERT INTO shifts VALUES (1, '[8,16)');
