CREATE TABLE schemadiff_version (x INTEGER);
INSERT INTO schemadiff_version VALUES (1);
