CREATE TYPE color AS ENUM ('red', 'green');
COMMENT ON TYPE color IS 'paint colours on offer';
