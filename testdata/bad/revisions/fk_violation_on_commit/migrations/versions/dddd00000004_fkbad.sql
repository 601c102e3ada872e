-- fkbad
--
-- revision: dddd00000004
-- revises: cccc00000003
-- created: 2026-01-01T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
CREATE TABLE "child" ("id" INTEGER PRIMARY KEY, "u" INTEGER REFERENCES "users" ("id"));
INSERT INTO "child" VALUES (1, 999);

-- schemadiff:downgrade
DROP TABLE "child";
