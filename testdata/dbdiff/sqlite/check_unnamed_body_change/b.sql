CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER CHECK (a >= 0), b TEXT, CHECK (b <> '' AND b <> 'none'));
