CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE diary (id integer PRIMARY KEY, moods mood[] NOT NULL DEFAULT ARRAY['ok'::mood], main mood DEFAULT 'ok',
  CONSTRAINT diary_moods_check CHECK (cardinality(moods) <= 3));
CREATE INDEX diary_moods_idx ON diary USING gin (moods);
