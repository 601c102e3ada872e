/* golden: sqlite_alter */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	/* ~ rebuild accounts (from users) */
	sd_execute_script(m,
		"ALTER TABLE \"users\" RENAME TO \"accounts\";\n"
		"ALTER TABLE \"accounts\" RENAME COLUMN \"username\" TO \"login\";\n"
		"CREATE TABLE \"_sd_new_accounts\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"login\" VARCHAR(80) NOT NULL,\n"
		"    \"created_at\" TIMESTAMPTZ NOT NULL DEFAULT (now()),\n"
		"    \"karma\" INTEGER NOT NULL DEFAULT 0\n"
		");\n"
		"INSERT INTO \"_sd_new_accounts\" (\"id\", \"login\", \"created_at\")\n"
		"    SELECT \"id\", \"login\", \"created_at\" FROM \"accounts\";\n"
		"DROP TABLE \"accounts\";\n"
		"PRAGMA legacy_alter_table = ON;\n"
		"ALTER TABLE \"_sd_new_accounts\" RENAME TO \"accounts\";\n"
		"PRAGMA legacy_alter_table = OFF;\n");
	/* ~ rebuild posts */
	sd_execute_script(m,
		"CREATE TABLE \"_sd_new_posts\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"user_id\" INTEGER,\n"
		"    \"title\" TEXT NOT NULL,\n"
		"    \"body\" TEXT DEFAULT '',\n"
		"    FOREIGN KEY (\"user_id\") REFERENCES \"accounts\" (\"id\") ON DELETE CASCADE\n"
		");\n"
		"INSERT INTO \"_sd_new_posts\" (\"id\", \"user_id\", \"title\")\n"
		"    SELECT \"id\", \"user_id\", \"title\" FROM \"posts\";\n"
		"DROP TABLE \"posts\";\n"
		"PRAGMA legacy_alter_table = ON;\n"
		"ALTER TABLE \"_sd_new_posts\" RENAME TO \"posts\";\n"
		"PRAGMA legacy_alter_table = OFF;\n"
		"CREATE UNIQUE INDEX \"ix_posts_title\" ON \"posts\" (\"title\");\n");

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	/* ~ rebuild posts */
	sd_execute_script(m,
		"CREATE TABLE \"_sd_new_posts\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"user_id\" INTEGER,\n"
		"    \"title\" TEXT NOT NULL,\n"
		"    CONSTRAINT \"ck_posts_title\" CHECK (length(title) > 0),\n"
		"    FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE\n"
		");\n"
		"INSERT INTO \"_sd_new_posts\" (\"id\", \"user_id\", \"title\")\n"
		"    SELECT \"id\", \"user_id\", \"title\" FROM \"posts\";\n"
		"DROP TABLE \"posts\";\n"
		"PRAGMA legacy_alter_table = ON;\n"
		"ALTER TABLE \"_sd_new_posts\" RENAME TO \"posts\";\n"
		"PRAGMA legacy_alter_table = OFF;\n"
		"CREATE INDEX \"ix_posts_lower_title\" ON \"posts\" (lower(title)) WHERE title IS NOT NULL;\n"
		"CREATE INDEX \"ix_posts_title\" ON \"posts\" (\"title\");\n");
	/* ~ rebuild users (from accounts) */
	sd_execute_script(m,
		"ALTER TABLE \"accounts\" RENAME TO \"users\";\n"
		"ALTER TABLE \"users\" RENAME COLUMN \"login\" TO \"username\";\n"
		"CREATE TABLE \"_sd_new_users\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"username\" VARCHAR(50) NOT NULL,\n"
		"    \"email\" VARCHAR(120),\n"
		"    \"created_at\" TIMESTAMPTZ NOT NULL DEFAULT (now())\n"
		");\n"
		"INSERT INTO \"_sd_new_users\" (\"id\", \"username\", \"created_at\")\n"
		"    SELECT \"id\", \"username\", \"created_at\" FROM \"users\";\n"
		"DROP TABLE \"users\";\n"
		"PRAGMA legacy_alter_table = ON;\n"
		"ALTER TABLE \"_sd_new_users\" RENAME TO \"users\";\n"
		"PRAGMA legacy_alter_table = OFF;\n"
		"CREATE UNIQUE INDEX \"uq_users_email\" ON \"users\" (\"email\");\n");

	return sd_migration_status(m);
}
