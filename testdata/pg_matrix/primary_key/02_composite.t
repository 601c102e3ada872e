q: SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'regions'::regclass AND contype = 'p' => pk_regions|PRIMARY KEY (code, country)
up-q: INSERT INTO regions VALUES ('ne', 'FR', 'b') RETURNING name => b
