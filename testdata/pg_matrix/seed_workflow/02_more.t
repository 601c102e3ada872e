seed: INSERT INTO users (username, email) VALUES ('bob', 'b@example.com')
q: SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid='users'::regclass => now()
q: SELECT string_agg(username || '/' || coalesce(email,'-'), ',' ORDER BY id) FROM users => alice/-,bob/b@example.com
