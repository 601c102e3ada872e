CREATE TABLE profiles (id integer PRIMARY KEY, locale text NOT NULL DEFAULT 'en', tz text NOT NULL DEFAULT 'UTC', theme text);
