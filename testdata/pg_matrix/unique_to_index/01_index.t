seed: INSERT INTO codes (code) VALUES ('a'), ('b')
q: SELECT (SELECT string_agg(conname, ',') FROM pg_constraint WHERE conrelid = 'codes'::regclass AND contype = 'u'), (SELECT string_agg(pg_get_indexdef(indexrelid), ',') FROM pg_index WHERE indrelid = 'codes'::regclass AND NOT indisprimary) => |CREATE UNIQUE INDEX uq_codes_code ON public.codes USING btree (code)
