CREATE TABLE changes (id integer PRIMARY KEY, v text);
