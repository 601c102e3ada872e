CREATE TABLE x (id integer PRIMARY KEY);
CREATE TABLE y (id integer PRIMARY KEY, v text);
COMMENT ON TABLE y IS 'new table';
COMMENT ON COLUMN y.v IS 'a value';
