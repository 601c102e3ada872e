CREATE TABLE meetings (id integer PRIMARY KEY, during tsrange NOT NULL);
INSERT INTO meetings VALUES (1, '[2024-01-01 10:00, 2024-01-01 11:00)');
