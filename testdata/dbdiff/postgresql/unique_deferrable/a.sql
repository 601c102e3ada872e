CREATE TABLE q (id integer PRIMARY KEY, pos integer, CONSTRAINT uq_q_pos UNIQUE (pos));
INSERT INTO q VALUES (1, 1), (2, 2);
