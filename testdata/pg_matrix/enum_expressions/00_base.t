q: SELECT pg_get_indexdef('ix_subs_open'::regclass) => CREATE UNIQUE INDEX ix_subs_open ON public.subs USING btree (id) WHERE (status = ANY (ARRAY['active'::status, 'paused'::status]))
down-q: SELECT string_agg(status || '/' || plan, ',' ORDER BY id) FROM subs => active/free,paused/pro
