seed: INSERT INTO persons (full_name, email) VALUES ('bob', 'b@x')
q: SELECT string_agg(id || '/' || full_name || '/' || email, ',' ORDER BY id) FROM persons => 1/ann/a@x,2/bob/b@x
