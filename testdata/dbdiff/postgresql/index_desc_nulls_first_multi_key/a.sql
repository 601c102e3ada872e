CREATE TABLE scores (player integer, score integer, at timestamptz);
