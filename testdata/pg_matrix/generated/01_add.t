seed: INSERT INTO lines (qty, price) VALUES (2, 1.5)
q: SELECT attgenerated, pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'lines'::regclass AND attname = 'total' => s|((qty)::numeric * price)
up-q: SELECT total FROM lines WHERE id = 1 => 3.00
