CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE contacts (email text NOT NULL, name text) PARTITION BY LIST (lower(left(email, 1)));
CREATE TABLE contacts_am PARTITION OF contacts FOR VALUES IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm');
CREATE TABLE contacts_rest PARTITION OF contacts DEFAULT;
