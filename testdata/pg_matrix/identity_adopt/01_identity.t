seed: INSERT INTO tickets (no, subject) VALUES (1, 'a'), (2, 'b')
q: SELECT attidentity FROM pg_attribute WHERE attrelid = 'tickets'::regclass AND attname = 'no' => d
up-q: INSERT INTO tickets (subject) VALUES ('c') RETURNING no => 3
