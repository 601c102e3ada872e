CREATE TABLE events (id integer PRIMARY KEY, at timestamptz DEFAULT (now() AT TIME ZONE 'utc'), uid uuid DEFAULT gen_random_uuid(),
  who text DEFAULT CURRENT_USER, tags text[] DEFAULT ARRAY[]::text[], meta jsonb NOT NULL DEFAULT '{}'::jsonb, ttl interval DEFAULT '1 day'::interval);
