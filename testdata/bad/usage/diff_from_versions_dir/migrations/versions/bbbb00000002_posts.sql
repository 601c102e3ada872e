-- posts
--
-- revision: bbbb00000002
-- revises: aaaa00000001
-- created: 2026-01-02T00:00:00Z
-- dialect: sqlite

-- schemadiff:upgrade
CREATE TABLE "posts" ("id" INTEGER PRIMARY KEY, "title" TEXT);
CREATE INDEX "ix_posts_title" ON "posts" ("title");

-- schemadiff:downgrade
DROP INDEX "ix_posts_title";
DROP TABLE "posts";
