gen: drop
q: SELECT count(*) FROM pg_namespace WHERE nspname = 'billing' => 0
q: SELECT count(*) FROM pg_type WHERE typname = 'invoice_state' => 0
q: SELECT username FROM users WHERE id = 1 => alice
