CREATE TABLE cars (id integer PRIMARY KEY, color text, k text);
