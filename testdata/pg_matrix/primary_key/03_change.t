q: SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'regions'::regclass AND contype = 'p' => regions_pkey|PRIMARY KEY (country, code)
