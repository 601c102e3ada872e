-- x
--
-- revision: dddd00000004
-- revises: cccc00000003
-- created: 2026-01-01T00:00:00Z
-- dialect: oracle

-- schemadiff:upgrade
SELECT 1;

-- schemadiff:downgrade
SELECT 1;
