CREATE TABLE events (id integer PRIMARY KEY, at timestamptz, day timestamp(3), kind text);
