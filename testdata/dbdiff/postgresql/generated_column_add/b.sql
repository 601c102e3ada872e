CREATE TABLE boxes (id integer PRIMARY KEY, w numeric, h numeric, area numeric GENERATED ALWAYS AS (w * h) STORED);
