CREATE TABLE countries (id integer PRIMARY KEY, iso char(2) NOT NULL);
CREATE TABLE cities (id integer PRIMARY KEY, country char(2));
INSERT INTO countries VALUES (1, 'NO');
INSERT INTO cities VALUES (1, 'NO');
