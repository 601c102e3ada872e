seed: INSERT INTO items (code, qty, hits, note) VALUES ('ab', '12', 5, 'n1'), ('cd', '34', 2147483647, 'n2')
rev: ALTER COLUMN "qty" TYPE INTEGER USING "qty"::INTEGER
q: SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'items'::regclass AND attnum > 1 AND NOT attisdropped => code character varying(40), qty integer, hits bigint, note text
q: SELECT string_agg(concat_ws('/', code, qty, hits, note), ',' ORDER BY id) FROM items => ab/12/5/n1,cd/34/2147483647/n2
