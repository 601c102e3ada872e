COMMENT ON SCHEMA public IS NULL;
CREATE TABLE invoice (id integer PRIMARY KEY, total numeric(10,2));
