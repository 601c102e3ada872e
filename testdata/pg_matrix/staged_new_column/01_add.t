seed: INSERT INTO club.members (name) VALUES ('a'), ('b')
gen!: fails if existing rows hold NULL
q: SELECT string_agg(attname || '=' || attnotnull || '/' || coalesce(pg_get_expr(adbin, adrelid), '-'), ',' ORDER BY attnum) FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'club.members'::regclass AND attnum > 2 AND NOT attisdropped => plan=true/-,joined=true/CURRENT_DATE,score=true/0
up-q: SELECT string_agg(name || '/' || plan || '/' || score, ',' ORDER BY id) FROM club.members => a/free/0,b/free/0
