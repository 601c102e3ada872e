down-q: SELECT string_agg(name, ',' ORDER BY id) FROM events => e1,e2
