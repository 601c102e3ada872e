q: SELECT string_agg(attname || '=' || attnotnull, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attnum > 1 => plan=false,region=false,label=false
q: SELECT string_agg(plan || '/' || coalesce(region, '-') || '/' || label, ',' ORDER BY id) FROM accounts WHERE id <= 2 => free/-/a,free/eu/b
