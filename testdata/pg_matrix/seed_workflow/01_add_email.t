seed: INSERT INTO users (username) VALUES ('alice')
rev: ALTER TABLE "users" ADD COLUMN "email" VARCHAR(120)
rev: "uq_users_email"
q: SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname='uq_users_email' => UNIQUE (email)
q: SELECT username FROM users WHERE id = 1 => alice
