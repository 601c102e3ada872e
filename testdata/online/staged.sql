-- (expand)
-- upgrade
-- schemadiff:step nontransactional
DROP INDEX CONCURRENTLY "ix_users_old";

-- schemadiff:step
ALTER TABLE "users" ADD COLUMN "nick" TEXT;

-- schemadiff:step batch
UPDATE "users" SET "nick" = username || '!' WHERE "nick" IS NULL;
-- downgrade
ALTER TABLE "users" DROP COLUMN "nick";

-- schemadiff:step nontransactional
CREATE INDEX CONCURRENTLY "ix_users_old" ON "users" ("age");
-- (contract)
-- upgrade
-- schemadiff:step batch
UPDATE "users" SET "nick" = username || '!' WHERE "nick" IS NULL;

-- schemadiff:step
ALTER TABLE "users" ADD CONSTRAINT "sd_nn_nick" CHECK ("nick" IS NOT NULL) NOT VALID;

-- schemadiff:step
ALTER TABLE "users" VALIDATE CONSTRAINT "sd_nn_nick";

-- schemadiff:step
ALTER TABLE "users" ALTER COLUMN "nick" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "sd_nn_nick";
ALTER TABLE "users" DROP COLUMN "age";
-- downgrade
ALTER TABLE "users" ADD COLUMN "age" INTEGER;
ALTER TABLE "users" ALTER COLUMN "nick" DROP NOT NULL;
