q: SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'people'::regclass AND attnum > 0 AND NOT attisdropped => id,name,mail
down-q: SELECT string_agg(id || '/' || name || '/' || mail, ',' ORDER BY id) FROM people => 1/ann/a@x,2/bob/b@x
