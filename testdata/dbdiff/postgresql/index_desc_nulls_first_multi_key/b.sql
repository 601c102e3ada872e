CREATE TABLE scores (player integer, score integer, at timestamptz);
CREATE INDEX ix_scores_board ON scores (score DESC NULLS LAST, at ASC NULLS FIRST, player);
