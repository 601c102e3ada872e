-- orphan
--
-- revision: dddd00000004
-- revises: 999999999999
-- created: 2026-01-01T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
SELECT 1;

-- schemadiff:downgrade
SELECT 1;
