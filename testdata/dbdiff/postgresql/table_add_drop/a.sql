CREATE TABLE keep (id integer PRIMARY KEY);
CREATE TABLE old_logs (id bigserial PRIMARY KEY, msg text);
INSERT INTO keep VALUES (1);
