q: SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'regions'::regclass AND contype = 'p' =>
down-q: SELECT string_agg(code || country || name, ',' ORDER BY name) FROM regions => nwUSa,neFRb
