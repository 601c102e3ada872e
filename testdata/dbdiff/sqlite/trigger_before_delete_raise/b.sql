CREATE TABLE invoices (id INTEGER PRIMARY KEY, paid INTEGER NOT NULL DEFAULT 0);
CREATE TRIGGER trg_invoices_keep_paid BEFORE DELETE ON invoices WHEN OLD.paid
BEGIN
    SELECT RAISE(ABORT, 'paid invoices are kept');
END;
