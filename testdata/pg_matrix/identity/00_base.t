q: SELECT string_agg(attname || '=' || coalesce(nullif(attidentity::text, ''), '-'), ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped => id=d,ref=-
down-q: SELECT string_agg(id || ref, ',' ORDER BY id) FROM orders WHERE id < 100 => 1a,2b,3c
