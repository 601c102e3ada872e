CREATE SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
CREATE EXTENSION hstore SCHEMA ext;
CREATE TABLE users (id integer PRIMARY KEY, email ext.citext NOT NULL, attrs ext.hstore DEFAULT ''::ext.hstore,
  tags ext.citext[]);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_attrs_idx ON users USING gin (attrs ext.gin_hstore_ops);
