CREATE TABLE scores (id integer PRIMARY KEY, points integer, at timestamptz);
CREATE INDEX ix_scores ON scores (points, at);
INSERT INTO scores VALUES (1, 3, now());
