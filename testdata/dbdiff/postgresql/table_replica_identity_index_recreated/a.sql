CREATE TABLE changes (id integer NOT NULL, code text NOT NULL, v text);
CREATE UNIQUE INDEX ux_changes_code ON changes (code);
ALTER TABLE changes REPLICA IDENTITY USING INDEX ux_changes_code;
ALTER TABLE changes CLUSTER ON ux_changes_code;
INSERT INTO changes VALUES (1, 'a', 'x');
