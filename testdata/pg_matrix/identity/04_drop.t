seed: INSERT INTO orders (ref) VALUES ('c')
q: SELECT string_agg(attname || '=' || coalesce(nullif(attidentity::text, ''), '-'), ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped => id=d,ref=-,seq_no=-
q: SELECT count(*) FROM pg_class WHERE relkind = 'S' => 1
