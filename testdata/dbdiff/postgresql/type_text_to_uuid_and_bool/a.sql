CREATE TABLE flags (id integer PRIMARY KEY, ext text, on_off text, n integer);
INSERT INTO flags VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'true', 1);
