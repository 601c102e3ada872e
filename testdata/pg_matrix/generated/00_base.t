down-q: SELECT string_agg(qty || 'x' || price, ',' ORDER BY id) FROM lines => 2x1.50,3x2.00
