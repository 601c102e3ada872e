-- amb1
--
-- revision: abc000000001
-- revises: cccc00000003
-- created: 2026-01-04T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
SELECT 1;

-- schemadiff:downgrade
SELECT 1;
