CREATE TABLE reservations (id integer PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL);
INSERT INTO reservations VALUES (1, 101, '[2024-01-01 14:00, 2024-01-03 10:00)');
