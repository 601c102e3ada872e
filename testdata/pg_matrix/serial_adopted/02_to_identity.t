# serial -> explicit identity: the default and the owned sequence give way to an identity that continues after the rows
q: SELECT attidentity, (SELECT count(*) FROM pg_attrdef WHERE adrelid = 'legacy'::regclass AND adnum = 1) FROM pg_attribute WHERE attrelid = 'legacy'::regclass AND attname = 'id' => a|0
up-q: INSERT INTO legacy (name) VALUES ('newer') RETURNING id => 3
q: SELECT string_agg(name, ',' ORDER BY id) FROM legacy WHERE id <= 2 => old,new
