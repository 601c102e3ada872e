q: SELECT string_agg(attname || '=' || coalesce(collname, '-'), ',' ORDER BY attnum) FROM pg_attribute LEFT JOIN pg_collation c ON c.oid = attcollation AND attcollation <> 100 WHERE attrelid = 'words'::regclass AND attnum > 1 AND NOT attisdropped => word=-,code=-
q: SELECT string_agg(word, ',' ORDER BY id) FROM words => b,A
