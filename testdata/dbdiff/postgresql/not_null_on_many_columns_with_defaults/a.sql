CREATE TABLE profiles (id integer PRIMARY KEY, locale text, tz text, theme text);
INSERT INTO profiles VALUES (1, 'de', 'Europe/Berlin', 'dark');
