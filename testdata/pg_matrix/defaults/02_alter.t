# now() and CURRENT_TIMESTAMP: the catalog keeps each as written (pg_dump prints it so): swapping them is a change, reproduced
seed: INSERT INTO events (name) VALUES ('e2')
q: SELECT string_agg(attname || ' ' || pg_get_expr(adbin, adrelid), ', ' ORDER BY attnum) FROM pg_attrdef JOIN pg_attribute ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'events'::regclass AND attnum > 1 => created_at CURRENT_TIMESTAMP, updated_at now(), status 'pending'::character varying, score 1, enabled false, due (CURRENT_DATE + 30), slug upper('abc'::text), ratio 2.25, tags ARRAY['x'::text], meta '{"v": 1}'::jsonb
q: SELECT string_agg(name || '/' || status || '/' || score, ',' ORDER BY id) FROM events => e1/active/0,e2/active/0
