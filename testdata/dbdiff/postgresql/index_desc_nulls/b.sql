CREATE TABLE scores (id integer PRIMARY KEY, points integer, at timestamptz);
CREATE INDEX ix_scores ON scores (points DESC, at NULLS FIRST);
CREATE INDEX ix_scores_at ON scores (at DESC NULLS LAST);
