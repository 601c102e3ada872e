seed: INSERT INTO accounts (plan, region, label) VALUES ('free', NULL, 'a'), (NULL, 'eu', 'b')
gen!: fails if existing rows hold NULL
rev: UPDATE
q: SELECT string_agg(attname || '=' || attnotnull, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attnum > 1 => plan=true,region=false,label=false
up-q: SELECT string_agg(plan || '/' || coalesce(region, '-') || '/' || label, ',' ORDER BY id) FROM accounts => free/-/a,free/eu/b
q: SELECT count(*) FROM pg_constraint WHERE conrelid = 'accounts'::regclass AND contype = 'c' => 0
