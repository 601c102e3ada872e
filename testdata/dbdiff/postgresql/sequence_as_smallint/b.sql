CREATE SEQUENCE small_ids AS smallint;
