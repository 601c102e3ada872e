-- branch
--
-- revision: dddd00000004
-- revises: bbbb00000002
-- created: 2026-01-04T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
SELECT 1;

-- schemadiff:downgrade
SELECT 1;
