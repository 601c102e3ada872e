CREATE TABLE tokens (value text PRIMARY KEY);
