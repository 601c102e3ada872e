CREATE TABLE archive (id integer PRIMARY KEY, at date);
CREATE TABLE live (id integer PRIMARY KEY, at date);
CREATE PROCEDURE archive_before(cutoff date) LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO archive SELECT * FROM live WHERE at < cutoff;
    DELETE FROM live WHERE at < cutoff;
    COMMIT;
END
$$;
