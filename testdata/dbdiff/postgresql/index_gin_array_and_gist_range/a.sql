CREATE TABLE rentals (id integer PRIMARY KEY, tags text[], period daterange);
