gen: drop
q: SELECT string_agg(pg_get_indexdef(indexrelid), '; ' ORDER BY c.relname) FROM pg_index JOIN pg_class c ON c.oid = indexrelid WHERE indrelid = 'docs'::regclass AND NOT indisprimary =>
q: SELECT string_agg(concat_ws('/', email, title, tag), ',' ORDER BY id) FROM docs => a@x/T1/t,b@x/T2/u
