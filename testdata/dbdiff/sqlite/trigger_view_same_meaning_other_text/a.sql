-- The same view and trigger written otherwise (blanks, keyword case,
-- quotes, a comment): no change to make.
CREATE TABLE items (id INTEGER PRIMARY KEY, qty INTEGER);
CREATE TABLE audit (item INTEGER);
CREATE VIEW stocked AS SELECT id FROM items WHERE qty > 0;
CREATE TRIGGER tr_qty AFTER UPDATE OF qty ON items FOR EACH ROW
WHEN new.qty <> old.qty BEGIN INSERT INTO audit VALUES (new.id); END;
