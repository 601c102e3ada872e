q: SELECT coalesce(obj_description('notes'::regclass, 'pg_class'), '-'), coalesce(col_description('notes'::regclass, 2), '-') => -|-
down-q: SELECT string_agg(body, ',' ORDER BY id) FROM notes => x,y
