q: SELECT (SELECT string_agg(conname, ',') FROM pg_constraint WHERE conrelid = 'codes'::regclass AND contype = 'u'), (SELECT string_agg(pg_get_indexdef(indexrelid), ',') FROM pg_index WHERE indrelid = 'codes'::regclass AND NOT indisprimary) => uq_codes_code|CREATE UNIQUE INDEX uq_codes_code ON public.codes USING btree (code)
down-q: SELECT string_agg(code, ',' ORDER BY id) FROM codes => a,b
