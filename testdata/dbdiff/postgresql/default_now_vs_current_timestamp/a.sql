CREATE TABLE audit (id integer PRIMARY KEY, created timestamptz DEFAULT now(), updated timestamptz DEFAULT CURRENT_TIMESTAMP, d date DEFAULT CURRENT_DATE);
INSERT INTO audit (id) VALUES (1);
