-- amb2
--
-- revision: abc000000002
-- revises: abc000000001
-- created: 2026-01-05T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
SELECT 1;

-- schemadiff:downgrade
SELECT 1;
