/* golden: sqlite_create */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	/* + table users */
	sd_execute_script(m,
		"CREATE TABLE \"users\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"username\" VARCHAR(50) NOT NULL,\n"
		"    \"email\" VARCHAR(120),\n"
		"    \"created_at\" TIMESTAMPTZ NOT NULL DEFAULT (now()),\n"
		"    UNIQUE (\"email\")\n"
		");\n");
	/* + table posts */
	sd_execute_script(m,
		"CREATE TABLE \"posts\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"user_id\" INTEGER,\n"
		"    \"title\" TEXT NOT NULL,\n"
		"    CONSTRAINT \"ck_posts_title\" CHECK (length(title) > 0),\n"
		"    FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE\n"
		");\n");
	/* + index uq_users_email (nothing to run on sqlite) */
	/* + index ix_posts_lower_title */
	sd_create_index(m, "posts", &(sd_index_def){
		.name = "ix_posts_lower_title",
		.keys = (const sd_index_key_def[]){
			{.expression = "lower(title)"}},
		.nkeys = 1,
		.where = "title IS NOT NULL"});
	/* + index ix_posts_title */
	sd_create_index(m, "posts", &(sd_index_def){
		.name = "ix_posts_title", .columns = SD_NAMES("title")});

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	/* - index ix_posts_title */
	sd_drop_index(m, "posts", "ix_posts_title");
	/* - index ix_posts_lower_title */
	sd_drop_index(m, "posts", "ix_posts_lower_title");
	/* - index uq_users_email (nothing to run on sqlite) */
	/* - table posts */
	sd_drop_table(m, "posts");
	/* - table users */
	sd_drop_table(m, "users");

	return sd_migration_status(m);
}
