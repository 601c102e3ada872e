CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE people (id integer PRIMARY KEY, emails email[], main email NOT NULL DEFAULT 'none@example.org');
