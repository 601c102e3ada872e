gen: warning
gen: items.code
q: SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'items'::regclass AND attname = 'code' => character varying(10)
q: SELECT string_agg(concat_ws('/', code, qty, hits, note), ',' ORDER BY id) FROM items => ab/12/5/n1,cd/34/2147483647/n2
