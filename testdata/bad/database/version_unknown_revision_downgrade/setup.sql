CREATE TABLE schemadiff_version (revision VARCHAR(32) NOT NULL PRIMARY KEY);
INSERT INTO schemadiff_version VALUES ('123456789abc');
