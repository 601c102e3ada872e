CREATE TABLE ddl_log (at timestamptz NOT NULL DEFAULT now(), tag text);
