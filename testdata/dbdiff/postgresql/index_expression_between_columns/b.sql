CREATE TABLE people (id integer PRIMARY KEY, tenant integer, email text, created date);
CREATE UNIQUE INDEX ux_people_tenant_email ON people (tenant, lower(email), created DESC);
