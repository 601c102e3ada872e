seed: INSERT INTO stock (qty, price) VALUES ('7', 2.25)
seed: INSERT INTO stock DEFAULT VALUES
q: SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod) || ' ' || coalesce(pg_get_expr(adbin, adrelid), '-'), ', ' ORDER BY attnum) FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'stock'::regclass AND attnum > 1 => qty integer 0, price numeric(10,3) 1.5
up-q: SELECT string_agg(id || '=' || qty || '@' || price, ',' ORDER BY id) FROM stock => 1=7@2.250,2=0@1.500
