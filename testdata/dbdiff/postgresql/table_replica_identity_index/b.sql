CREATE TABLE changes (id integer NOT NULL, code text NOT NULL, v text);
CREATE UNIQUE INDEX ux_changes_code ON changes (code);
ALTER TABLE changes REPLICA IDENTITY USING INDEX ux_changes_code;
