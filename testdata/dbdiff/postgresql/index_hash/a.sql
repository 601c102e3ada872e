CREATE TABLE urls (id integer PRIMARY KEY, url text);
