CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'append-only audit trail';
