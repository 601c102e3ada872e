-- Initial
--
-- revision: a0917fba662f
-- revises:
-- created: 2026-11-29T17:43:25Z
-- dialect: sqlite

-- schemadiff:upgrade
CREATE TABLE "users" (
    "id" INTEGER PRIMARY KEY,
    "username" VARCHAR(64) NOT NULL,
    "password_hash" VARCHAR(256),
    "about_me" VARCHAR(140),
    "last_seen" TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    UNIQUE ("username")
);
CREATE TABLE "posts" (
    "id" INTEGER PRIMARY KEY,
    "body" VARCHAR(140) NOT NULL,
    "timestamp" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER NOT NULL,
    FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_posts_timestamp" ON "posts" ("timestamp");
CREATE INDEX "ix_posts_user_id" ON "posts" ("user_id");

-- schemadiff:downgrade
DROP INDEX "ix_posts_user_id";
DROP INDEX "ix_posts_timestamp";
DROP TABLE "posts";
DROP TABLE "users";
