CREATE TABLE "a;b" (x TEXT DEFAULT 'it''s; fine'); -- comment; here
/* block; comment */ INSERT INTO t VALUES ($$dollar; quoted$$, $tag$ ; $tag$);
CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; DELETE FROM u; END;
SELECT E'\'; still quoted';
