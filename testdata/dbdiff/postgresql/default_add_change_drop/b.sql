CREATE TABLE settings (id integer PRIMARY KEY, lang text DEFAULT 'de', theme text DEFAULT 'dark', size integer, ratio real DEFAULT -1.25);
