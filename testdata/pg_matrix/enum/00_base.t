down-q: SELECT string_agg(title, ',' ORDER BY id) FROM tasks => a,b,c
