CREATE EXTENSION "uuid-ossp";
CREATE TABLE api_keys (name text PRIMARY KEY, key uuid NOT NULL DEFAULT uuid_generate_v4());
