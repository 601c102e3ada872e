CREATE TABLE countries (iso_numeric integer PRIMARY KEY, name text NOT NULL);
INSERT INTO countries VALUES (276, 'Germany'), (250, 'France');
