-- Add email to User
--
-- revision: 80cc966d3f9e
-- revises: a0917fba662f
-- created: 2026-11-29T17:43:25Z
-- dialect: sqlite

-- schemadiff:upgrade
ALTER TABLE "users" ADD COLUMN "email" VARCHAR(120);
CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email");

-- schemadiff:downgrade
DROP INDEX "uq_users_email";
ALTER TABLE "users" DROP COLUMN "email";
