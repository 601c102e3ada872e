CREATE TABLE boxes (id integer PRIMARY KEY, w numeric, h numeric);
INSERT INTO boxes VALUES (1, 2, 3);
