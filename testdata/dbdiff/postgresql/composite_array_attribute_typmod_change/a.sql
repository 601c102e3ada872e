CREATE TYPE measure AS (label varchar(10), qty numeric(8,2));
CREATE TABLE samples (id integer PRIMARY KEY, readings measure[], history measure[][], note text);
INSERT INTO samples VALUES
    (1, ARRAY[ROW('a', 1.25)::measure, ROW('b', 2.5)::measure], ARRAY[[ROW('h', 0.05)::measure]], 'first'),
    (2, NULL, NULL, 'second');
