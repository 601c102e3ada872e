q: SELECT coalesce(obj_description('notes'::regclass, 'pg_class'), '-'), coalesce(col_description('notes'::regclass, 2), '-'), coalesce(col_description('notes'::regclass, 3), '-') => -|-|-
q: SELECT string_agg(body || '/' || coalesce(author, '-'), ',' ORDER BY id) FROM notes => x/-,y/ann
