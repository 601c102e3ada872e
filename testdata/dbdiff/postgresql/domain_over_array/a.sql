CREATE TABLE polls (id integer PRIMARY KEY, question text);
