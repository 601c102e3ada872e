-- X
--
-- revises: cccc00000003

-- schemadiff:upgrade
SELECT 1;
