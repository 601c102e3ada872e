CREATE SEQUENCE batch_ids;
COMMENT ON SEQUENCE batch_ids IS 'numbers import batches';
