CREATE TABLE preise (id integer PRIMARY KEY, betrag numeric);
