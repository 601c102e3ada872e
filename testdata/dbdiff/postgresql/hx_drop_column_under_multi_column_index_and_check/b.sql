CREATE TABLE items (id integer PRIMARY KEY, a integer, c text);
