q: SELECT string_agg(attname || '=' || coalesce(nullif(attidentity::text, ''), '-'), ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped => id=a,ref=-,seq_no=d
up-q: SELECT string_agg(id || '/' || seq_no, ',' ORDER BY id) FROM orders => 1/1,2/2
