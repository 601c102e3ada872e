CREATE TABLE preise (id integer PRIMARY KEY, betrag numeric, CONSTRAINT "betrag_größer_null" CHECK (betrag > 0));
