# a label added and used (here as the new default) in one revision: ADD VALUE cannot be used before commit, so the type is recreated
seed: INSERT INTO jobs (prio) VALUES ('low'), ('high')
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'prio'::regtype => low,normal,high
q: SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'jobs'::regclass => 'normal'::prio
q: SELECT string_agg(id || '=' || prio, ',' ORDER BY id) FROM jobs => 1=low,2=high
