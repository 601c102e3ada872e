CREATE SCHEMA extensions;
CREATE EXTENSION pg_trgm SCHEMA extensions;
CREATE EXTENSION "uuid-ossp" SCHEMA extensions;
CREATE EXTENSION pgcrypto SCHEMA extensions;
CREATE TABLE docs (id integer PRIMARY KEY, title text, uid uuid NOT NULL DEFAULT extensions.uuid_generate_v4(),
  token bytea DEFAULT extensions.gen_random_bytes(16));
CREATE INDEX docs_title_trgm ON docs USING gist (title extensions.gist_trgm_ops(siglen=32));
CREATE INDEX docs_title_gin ON docs USING gin (lower(title) extensions.gin_trgm_ops);
