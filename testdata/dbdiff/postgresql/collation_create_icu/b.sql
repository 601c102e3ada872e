CREATE COLLATION german_phonebook (provider = icu, locale = 'de-u-co-phonebk');
CREATE TABLE names (id integer PRIMARY KEY, name text COLLATE german_phonebook);
