CREATE SEQUENCE scratch_ids;
