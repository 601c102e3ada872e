CREATE TABLE periods (id integer PRIMARY KEY, starts date, ends date);
INSERT INTO periods VALUES (1, '2024-01-01', '2024-02-01');
