# reordered labels: the type is recreated under a partial index and a check that compare the column with its labels
seed: INSERT INTO subs (status, plan) VALUES ('active', 'free'), ('paused', 'pro')
todo: emitter recreate_enum (src/emit/postgres.c) converts the column while partial indexes ix_subs_live/ix_subs_open and check ck_subs_closed still compare it with status literals (operator does not exist: status__sd_new = status); they must be saved, dropped before the ALTER and re-created after the rename
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'status'::regtype => paused,active,closed
q: SELECT pg_get_indexdef('ix_subs_open'::regclass) => CREATE UNIQUE INDEX ix_subs_open ON public.subs USING btree (id) WHERE (status = ANY (ARRAY['active'::status, 'paused'::status]))
q: SELECT string_agg(status || '/' || plan, ',' ORDER BY id) FROM subs => active/free,paused/pro
