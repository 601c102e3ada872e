seed: INSERT INTO regions VALUES ('nw', 'US', 'a')
q: SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'regions'::regclass AND contype = 'p' => pk_regions|PRIMARY KEY (code)
