CREATE SCHEMA counters;
CREATE TABLE tickets (id integer PRIMARY KEY, subject text);
INSERT INTO tickets VALUES (1, 'a');
