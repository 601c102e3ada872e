rev!: IDENTITY
rev!: "id"
q: SELECT pg_get_expr(adbin, adrelid), attidentity FROM pg_attrdef JOIN pg_attribute ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'legacy'::regclass AND attname = 'id' => nextval('legacy_id_seq'::regclass)|
up-q: INSERT INTO legacy (name) VALUES ('new') RETURNING id, note => 2|n
q: SELECT string_agg(name, ',' ORDER BY id) FROM legacy WHERE id <= 2 => old,new
