q: SELECT count(*) FROM pg_attribute WHERE attrelid = 'lines'::regclass AND attname = 'total' => 0
q: SELECT string_agg(qty || 'x' || price, ',' ORDER BY id) FROM lines => 2x1.50,3x2.00
