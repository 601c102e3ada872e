CREATE TABLE employees (id integer PRIMARY KEY, manager integer REFERENCES employees (id), name text);
