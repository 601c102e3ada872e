seed: INSERT INTO lines (qty, price) VALUES (3, 2)
q: SELECT attgenerated, pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'lines'::regclass AND attname = 'total' => s|(((qty)::numeric * price) + (1)::numeric)
q: SELECT string_agg(total::text, ',' ORDER BY id) FROM lines => 4.00,7.00
