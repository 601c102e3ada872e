CREATE VIEW schemadiff_version AS SELECT 'zzz' AS x;
