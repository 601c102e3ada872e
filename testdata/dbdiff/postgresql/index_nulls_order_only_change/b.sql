CREATE TABLE q (id integer PRIMARY KEY, due date);
CREATE INDEX ix_q_due ON q (due NULLS FIRST);
