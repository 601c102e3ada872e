seed: INSERT INTO notes (body, author) VALUES ('y', 'ann')
q: SELECT obj_description('notes'::regclass, 'pg_class'), col_description('notes'::regclass, 2), col_description('notes'::regclass, 3) => Notes, with 'quotes'|The text|Who wrote it
