seed: INSERT INTO orders (ref) VALUES ('a')
rev: SET GENERATED ALWAYS
q: SELECT string_agg(attname || '=' || coalesce(nullif(attidentity::text, ''), '-'), ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped => id=a,ref=-
up-q: INSERT INTO orders (ref) VALUES ('b') RETURNING id => 2
