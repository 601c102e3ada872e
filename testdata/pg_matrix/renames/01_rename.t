seed: INSERT INTO people (name, mail) VALUES ('ann', 'a@x')
rev: RENAME TO "persons"
rev: RENAME COLUMN "name" TO "full_name"
rev!: DROP COLUMN
rev!: DROP TABLE
q: SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'persons'::regclass AND attnum > 0 AND NOT attisdropped => id,full_name,email
q: SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_index JOIN pg_class c ON c.oid = indexrelid WHERE indrelid = 'persons'::regclass => ix_persons_full_name,pk_persons,uq_persons_email
up-q: SELECT string_agg(id || '/' || full_name || '/' || email, ',' ORDER BY id) FROM persons => 1/ann/a@x
