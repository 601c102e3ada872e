CREATE TABLE widgets (id integer NOT NULL, name text);
CREATE SEQUENCE widget_ids OWNED BY widgets.id;
ALTER TABLE widgets ALTER COLUMN id SET DEFAULT nextval('widget_ids');
