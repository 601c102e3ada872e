seed: INSERT INTO subs (status, plan) VALUES ('active', 'free'), ('paused', 'pro')
q: SELECT pg_get_indexdef('ix_subs_live'::regclass) => CREATE INDEX ix_subs_live ON public.subs USING btree (plan) WHERE (status = 'paused'::status)
q: SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_subs_plan' => CHECK ((plan = ANY (ARRAY['free'::text, 'pro'::text, 'team'::text])))
q: SELECT string_agg(status || '/' || plan, ',' ORDER BY id) FROM subs => active/free,paused/pro
