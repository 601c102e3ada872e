CREATE TABLE prefs (id integer PRIMARY KEY, lang varchar(5) DEFAULT 'en'::character varying, tags text[] DEFAULT '{}'::text[], since date DEFAULT '2020-01-01', meta jsonb);
INSERT INTO prefs (id) VALUES (1);
