CREATE TABLE flags (name text PRIMARY KEY, ord smallserial);
