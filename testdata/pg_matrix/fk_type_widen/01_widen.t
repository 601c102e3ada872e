seed: INSERT INTO accounts (code) VALUES ('A1')
seed: INSERT INTO entries (account_id, account_code) VALUES (1, 'A1')
q: SELECT string_agg(attrelid::regclass || '.' || attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attrelid::regclass::text, attnum) FROM pg_attribute WHERE attrelid IN ('accounts'::regclass, 'entries'::regclass) AND attnum > 0 AND NOT attisdropped => accounts.id bigint, accounts.code character varying(20), entries.id bigint, entries.account_id bigint, entries.account_code character varying(20)
q: SELECT string_agg(pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE contype = 'f' => FOREIGN KEY (account_code) REFERENCES accounts(code); FOREIGN KEY (account_id) REFERENCES accounts(id)
q: SELECT string_agg(id || '/' || account_id || '/' || account_code, ',' ORDER BY id) FROM entries => 1/1/A1
q: SELECT format_type(seqtypid, NULL) FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('accounts', 'id')::regclass => bigint
