# the backfill is not undone: the downgrade keeps the filled-in values
q: SELECT string_agg(attname || '=' || attnotnull, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attnum > 1 => plan=false,region=false,label=false
down-q: SELECT string_agg(coalesce(plan, '-') || '/' || coalesce(region, '-') || '/' || label, ',' ORDER BY id) FROM accounts => free/-/a,free/eu/b
