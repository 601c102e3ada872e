seed: INSERT INTO users (username) VALUES ('alice')
rev: CREATE SCHEMA "billing"
rev: CREATE TYPE "billing"."invoice_state" AS ENUM ('draft', 'sent', 'paid')
q: SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'billing.invoice_state'::regtype => draft,sent,paid
q: SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'billing.invoices'::regclass AND contype = 'f' => fk_invoices_user_id_users|FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
q: SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'billing.lines'::regclass AND contype = 'f' => fk_lines_invoice_id_invoices|FOREIGN KEY (invoice_id) REFERENCES billing.invoices(id)
q: SELECT format_type(atttypid, atttypmod), pg_get_expr(adbin, adrelid) FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'billing.invoices'::regclass AND attname = 'state' => billing.invoice_state|'draft'::billing.invoice_state
q: SELECT obj_description('billing.invoices'::regclass, 'pg_class') => Invoices sent to users
q: SELECT username FROM users WHERE id = 1 => alice
