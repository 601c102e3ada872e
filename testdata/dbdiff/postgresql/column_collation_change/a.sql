CREATE TABLE labels (id integer PRIMARY KEY, name text);
INSERT INTO labels VALUES (1, 'b'), (2, 'A');
