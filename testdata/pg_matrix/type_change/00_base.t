q: SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'items'::regclass AND attnum > 1 AND NOT attisdropped => code character varying(20), qty text, hits integer, note text
down-q: SELECT string_agg(concat_ws('/', code, qty, hits, note), ',' ORDER BY id) FROM items => ab/12/5/n1,cd/34/2147483647/n2
