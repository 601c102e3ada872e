-- broken
--
-- revision: dddd00000004
-- revises: cccc00000003
-- created: 2026-01-01T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
CREATE TABLE "half" ("x" INTEGER);
INSERT INTO "nope" VALUES (1);

-- schemadiff:downgrade
DROP TABLE "half";
