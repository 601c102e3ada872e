# reordered labels: the type is recreated under a partial index and a check that compare the column with its labels
seed: INSERT INTO subs (status, plan) VALUES ('active', 'free'), ('paused', 'pro')
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'status'::regtype => paused,active,closed
q: SELECT pg_get_indexdef('ix_subs_open'::regclass) => CREATE UNIQUE INDEX ix_subs_open ON public.subs USING btree (id) WHERE (status = ANY (ARRAY['active'::status, 'paused'::status]))
q: SELECT string_agg(status || '/' || plan, ',' ORDER BY id) FROM subs => active/free,paused/pro
q: SELECT pg_get_constraintdef(oid), obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'ck_subs_closed' => CHECK (((status <> 'closed'::status) OR (plan = 'free'::text)))|Closed are free
q: SELECT obj_description('ix_subs_open'::regclass, 'pg_class') => Open ones
q: SELECT format_type(atttypid, atttypmod), pg_get_expr(adbin, adrelid) FROM pg_attribute JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'subs'::regclass AND attname = 'seen' => status[]|'{active}'::status[]
q: SELECT string_agg(array_to_string(seen, '+'), ',' ORDER BY id) FROM subs => active,active
