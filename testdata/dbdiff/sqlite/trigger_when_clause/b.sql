CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL);
CREATE TABLE alerts (account INTEGER, at TEXT);
CREATE TRIGGER trg_overdraft AFTER UPDATE OF balance ON accounts WHEN NEW.balance < 0 AND OLD.balance >= 0
BEGIN
    INSERT INTO alerts VALUES (NEW.id, datetime('now'));
END;
