seed: INSERT INTO notes (body) VALUES ('x')
rev: COMMENT ON TABLE "notes" IS 'Free-form notes'
q: SELECT obj_description('notes'::regclass, 'pg_class'), col_description('notes'::regclass, 2), col_description('notes'::regclass, 3) => Free-form notes|The note's text|Who wrote it
