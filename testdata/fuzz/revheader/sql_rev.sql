-- Add email to User
--
-- revision: db4d271f0c1e
-- revises: 99610ab3ede6
-- created: 2026-11-29T16:20:58Z
-- dialect: sqlite

-- schemadiff:upgrade
ALTER TABLE "users" ADD COLUMN "email" VARCHAR(120);
CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email");

-- schemadiff:downgrade
DROP INDEX "uq_users_email";
ALTER TABLE "users" DROP COLUMN "email";
