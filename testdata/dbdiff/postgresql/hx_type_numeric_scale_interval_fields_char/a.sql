CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(10,4), delay interval, code char(5));
INSERT INTO prices VALUES (1, 12.3456, '1 day 02:00', 'AB'), (2, NULL, '3 hours', NULL);
