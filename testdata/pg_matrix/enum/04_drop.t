gen: drop
q: SELECT count(*) FROM pg_type WHERE typtype = 'e' => 0
q: SELECT string_agg(title, ',' ORDER BY id) FROM tasks => a,b,c
