gen: sets NOT NULL on accounts.label
q: SELECT string_agg(attname || '=' || attnotnull, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attnum > 1 => plan=true,region=false,label=true
q: SELECT count(*) FROM pg_constraint WHERE conrelid = 'accounts'::regclass AND contype = 'c' => 0
