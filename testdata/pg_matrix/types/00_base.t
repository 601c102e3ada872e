seed: SELECT 1
down-q: SELECT string_agg(label, ',' ORDER BY id) FROM things => one,two
