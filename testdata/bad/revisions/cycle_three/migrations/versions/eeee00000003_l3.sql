-- l3
--
-- revision: eeee00000003
-- revises: eeee00000002
-- created: 2026-01-01T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
SELECT 1;

-- schemadiff:downgrade
SELECT 1;
