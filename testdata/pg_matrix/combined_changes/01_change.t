seed: INSERT INTO shirts (sz, qty, color) VALUES ('m', '5', 'red'), ('l', NULL, 'blue')
rev: ADD VALUE 's' BEFORE 'm'
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'size'::regtype => s,m,l,xl
q: SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull, ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'shirts'::regclass AND attnum > 1 AND NOT attisdropped => sz size false, amount integer true, colour character varying(20) false
q: SELECT pg_get_indexdef('ix_shirts_colour'::regclass) => CREATE INDEX ix_shirts_colour ON public.shirts USING btree (colour)
up-q: SELECT string_agg(concat_ws('/', sz, amount, colour), ',' ORDER BY id) FROM shirts => m/5/red,l/0/blue
