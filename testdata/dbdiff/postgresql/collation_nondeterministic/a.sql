CREATE TABLE logins (id integer PRIMARY KEY, username text);
