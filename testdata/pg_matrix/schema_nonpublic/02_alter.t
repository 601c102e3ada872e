seed: INSERT INTO billing.invoices (id, user_id, state, total) VALUES (10, 1, 'paid', 12.5)
seed: INSERT INTO billing.lines (id, invoice_id, amount) VALUES (100, 10, 12.5)
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'billing.invoice_state'::regtype => draft,sent,paid,void
q: SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'billing.invoices'::regclass AND contype = 'f' => FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE RESTRICT
q: SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'billing.invoices'::regclass AND attname = 'total' => numeric(12,2)
q: SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'billing.invoices'::regclass AND attname = 'state' => 'sent'::billing.invoice_state
up-q: SELECT id, user_id, state, total FROM billing.invoices => 10|1|paid|12.50
