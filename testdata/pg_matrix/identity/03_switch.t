q: SELECT string_agg(attname || '=' || coalesce(nullif(attidentity::text, ''), '-'), ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped => id=d,ref=-,seq_no=a
up-q: INSERT INTO orders (id, ref) VALUES (100, 'x') RETURNING id, seq_no => 100|3
down-seed: DELETE FROM orders WHERE id = 100
