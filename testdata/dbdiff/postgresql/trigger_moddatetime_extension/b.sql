CREATE EXTENSION moddatetime;
CREATE TABLE t (id integer PRIMARY KEY, modified timestamp);
CREATE TRIGGER trg_t_modified BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION moddatetime(modified);
