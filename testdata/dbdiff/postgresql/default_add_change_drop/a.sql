CREATE TABLE settings (id integer PRIMARY KEY, lang text DEFAULT 'en', theme text, size integer DEFAULT 10, ratio real DEFAULT 0.5);
INSERT INTO settings (id) VALUES (1);
