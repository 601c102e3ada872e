CREATE COLLATION "de-x-icu" (provider = icu, locale = 'de');
CREATE TABLE names (id integer PRIMARY KEY, name text COLLATE "de-x-icu", title text COLLATE "POSIX");
CREATE INDEX names_name_idx ON names (name);
