-- tags
--
-- revision: cccc00000003
-- revises: bbbb00000002
-- created: 2026-01-03T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
CREATE TABLE "tags" ("id" INTEGER PRIMARY KEY);

-- schemadiff:downgrade
DROP TABLE "tags";
