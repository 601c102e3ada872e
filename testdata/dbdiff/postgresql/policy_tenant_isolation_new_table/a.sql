CREATE TABLE tenants (id integer PRIMARY KEY, name text);
