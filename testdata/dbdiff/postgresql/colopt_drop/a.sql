CREATE TABLE sessions (id uuid PRIMARY KEY, user_id integer NOT NULL, ip inet);
ALTER TABLE sessions ALTER COLUMN user_id SET (n_distinct = -0.1);
ALTER TABLE sessions ALTER COLUMN ip SET (n_distinct = 5000);
INSERT INTO sessions VALUES ('00000000-0000-0000-0000-000000000001', 1, '10.0.0.1');
