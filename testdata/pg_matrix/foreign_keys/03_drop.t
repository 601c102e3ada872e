q: SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conrelid::regclass::text, conname) FROM pg_constraint WHERE contype = 'f' =>
q: SELECT count(*) FROM pg_constraint WHERE conname = 'uq_orgs_slug' => 0
q: SELECT string_agg(concat_ws('/', id, org_id, org_slug, boss_id, name), ',' ORDER BY id) FROM staff => 1/1/acme/ann,2/1/acme/1/bob
