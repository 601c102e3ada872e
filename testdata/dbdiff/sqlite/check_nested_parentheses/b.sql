CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER CHECK ((a > 0) AND ((a < 100) OR (a IN (200, (300))))), b TEXT CHECK (b IS NULL OR (length(trim(b, ' ()')) > 0 AND b NOT LIKE '%)%')));
