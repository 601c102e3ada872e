CREATE TABLE j (id INTEGER PRIMARY KEY, state TEXT, run_at TEXT, email TEXT);
CREATE INDEX ix_j_pending ON j (run_at DESC) WHERE state IN ('pending', 'retry');
CREATE UNIQUE INDEX ux_j_email ON j (lower(email));
CREATE INDEX ix_j_mixed ON j (state, length(email) DESC);
