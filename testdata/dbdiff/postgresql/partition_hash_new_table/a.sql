CREATE TABLE sessions_legacy (token text PRIMARY KEY);
