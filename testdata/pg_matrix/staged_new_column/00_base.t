down-q: SELECT string_agg(name, ',' ORDER BY id) FROM club.members => a,b
