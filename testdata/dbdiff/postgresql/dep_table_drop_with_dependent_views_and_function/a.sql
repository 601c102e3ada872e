CREATE TABLE tmp_import (id integer PRIMARY KEY, raw text);
CREATE VIEW tmp_import_clean AS SELECT id, trim(raw) AS raw FROM tmp_import;
CREATE VIEW tmp_import_count AS SELECT count(*) AS n FROM tmp_import_clean;
CREATE FUNCTION import_size() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT n FROM tmp_import_count; END;
CREATE TABLE keep (id integer PRIMARY KEY);
INSERT INTO keep VALUES (1);
