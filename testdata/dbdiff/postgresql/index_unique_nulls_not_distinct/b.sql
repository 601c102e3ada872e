CREATE TABLE members (id integer PRIMARY KEY, org integer, external_id text);
CREATE UNIQUE INDEX ux_members_ext ON members (org, external_id) NULLS NOT DISTINCT;
