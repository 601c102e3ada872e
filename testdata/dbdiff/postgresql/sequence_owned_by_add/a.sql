CREATE TABLE widgets (id integer NOT NULL, name text);
CREATE SEQUENCE widget_ids;
ALTER TABLE widgets ALTER COLUMN id SET DEFAULT nextval('widget_ids');
INSERT INTO widgets (name) VALUES ('w');
