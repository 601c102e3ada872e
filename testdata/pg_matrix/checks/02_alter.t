seed: INSERT INTO users (username) VALUES ('bobby')
q: SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c' => age_positive CHECK (((age IS NULL) OR (age >= 0))); ck_users_username_len CHECK ((length((username)::text) > 3))
