q: SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c' =>
down-q: SELECT string_agg(username || '/' || coalesce(age::text, '-'), ',' ORDER BY id) FROM users => alice/30,bobby/-
