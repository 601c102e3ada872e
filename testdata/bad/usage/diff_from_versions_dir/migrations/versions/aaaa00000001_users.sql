-- users
--
-- revision: aaaa00000001
-- revises: 
-- created: 2026-01-01T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "username" VARCHAR(50) NOT NULL);

-- schemadiff:downgrade
DROP TABLE "users";
