# a label goes away with the check that names it: the check is dropped before the type is recreated, and comes back after the reverse recreate in the downgrade
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'status'::regtype => paused,active
q: SELECT count(*) FROM pg_constraint WHERE conname = 'ck_subs_closed' => 0
q: SELECT pg_get_indexdef('ix_subs_live'::regclass) => CREATE INDEX ix_subs_live ON public.subs USING btree (plan) WHERE (status = 'active'::status)
q: SELECT string_agg(status || '/' || plan, ',' ORDER BY id) FROM subs => active/free,paused/pro
