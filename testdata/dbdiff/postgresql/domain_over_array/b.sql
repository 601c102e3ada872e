CREATE DOMAIN score_list AS integer[] CHECK (array_length(VALUE, 1) <= 10);
CREATE TABLE polls (id integer PRIMARY KEY, question text, scores score_list);
