q: SELECT count(*) FROM pg_attrdef WHERE adrelid = 'events'::regclass => 0
q: SELECT string_agg(name || '/' || status || '/' || score, ',' ORDER BY id) FROM events => e1/active/0,e2/active/0
