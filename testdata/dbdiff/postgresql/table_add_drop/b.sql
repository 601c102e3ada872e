CREATE TABLE keep (id integer PRIMARY KEY);
CREATE TABLE new_logs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, msg text NOT NULL, at timestamptz DEFAULT now());
