CREATE TABLE immutable_log (id integer PRIMARY KEY, msg text);
CREATE RULE immutable_log_no_delete AS ON DELETE TO immutable_log DO INSTEAD NOTHING;
CREATE RULE immutable_log_no_update AS ON UPDATE TO immutable_log DO INSTEAD NOTHING;
