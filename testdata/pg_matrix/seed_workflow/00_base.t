q: SELECT is_identity, identity_generation FROM information_schema.columns WHERE table_name='users' AND column_name='id' => YES|BY DEFAULT
q: SELECT format_type(atttypid, atttypmod), attnotnull FROM pg_attribute WHERE attrelid='users'::regclass AND attname='username' => character varying(50)|t
down-q: SELECT string_agg(username, ',' ORDER BY id) FROM users => alice,bob
