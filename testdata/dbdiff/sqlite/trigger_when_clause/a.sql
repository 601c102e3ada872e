CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL);
CREATE TABLE alerts (account INTEGER, at TEXT);
