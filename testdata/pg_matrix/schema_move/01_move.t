seed: INSERT INTO items (name) VALUES ('keep')
rev!: DROP TABLE
q: SELECT string_agg(schemaname || '.' || tablename, ',') FROM pg_tables WHERE tablename = 'items' => archive.items
up-q: SELECT string_agg(name, ',') FROM archive.items => keep
up-q: INSERT INTO archive.items (name) VALUES ('more') RETURNING id => 2
rev: ALTER TABLE "items" SET SCHEMA "archive"
