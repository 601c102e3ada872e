CREATE TABLE tasks (id bigint PRIMARY KEY, title text);
INSERT INTO tasks VALUES (1, 'a'), (2, 'b');
