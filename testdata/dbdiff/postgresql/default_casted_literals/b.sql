CREATE TABLE prefs (id integer PRIMARY KEY, lang varchar(5) DEFAULT 'fr', tags text[] DEFAULT ARRAY['a', 'b'], since date DEFAULT '2021-06-01'::date, meta jsonb DEFAULT '{}'::jsonb);
