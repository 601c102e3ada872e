CREATE TABLE codes (id integer PRIMARY KEY, code text, CONSTRAINT uq_codes_code UNIQUE (code) WITH (fillfactor = 70));
