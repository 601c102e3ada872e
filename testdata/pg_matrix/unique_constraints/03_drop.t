q: SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'members'::regclass AND contype = 'u' =>
q: SELECT string_agg(concat_ws('/', email, org, handle, badge), ',' ORDER BY id) FROM members => a@x/1/h1,2/h2/b2
