CREATE TABLE settings (id integer PRIMARY KEY, retries text NOT NULL DEFAULT '3', threshold varchar(10) DEFAULT '0.5');
INSERT INTO settings VALUES (1, '5', '0.25'), (2, '10', NULL);
