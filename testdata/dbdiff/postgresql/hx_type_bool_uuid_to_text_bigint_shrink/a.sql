CREATE TABLE flags (id integer PRIMARY KEY, ok boolean, kind uuid, n bigint);
INSERT INTO flags VALUES (1, true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 5), (2, NULL, NULL, NULL);
