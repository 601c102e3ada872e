/* golden: sqlite_drop */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	/* - index ix_posts_lower_title */
	sd_drop_index(m, "posts", "ix_posts_lower_title");
	/* - index ix_posts_title */
	sd_drop_index(m, "posts", "ix_posts_title");
	/* - index uq_users_email */
	sd_drop_index(m, "users", "uq_users_email");
	/* - table posts */
	sd_drop_table(m, "posts");
	/* - table users */
	sd_drop_table(m, "users");

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	sd_table_def *t;
	sd_column_def *c;

	/* + table users */
	t = sd_table_begin(m, "users");
	sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
	sd_table_column(t, "username", "string(50)", SD_COL_NOT_NULL);
	sd_table_column(t, "email", "string(120)", 0);
	c = sd_table_column(t, "created_at", "timestamptz", SD_COL_NOT_NULL);
	sd_column_default(c, "now()");
	sd_create_table(m, t);
	/* + table posts */
	sd_execute_script(m,
		"CREATE TABLE \"posts\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"user_id\" INTEGER,\n"
		"    \"title\" TEXT NOT NULL,\n"
		"    CONSTRAINT \"ck_posts_title\" CHECK (length(title) > 0),\n"
		"    FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE\n"
		");\n");
	/* + index uq_users_email */
	sd_create_index(m, "users", &(sd_index_def){
		.name = "uq_users_email", .columns = SD_NAMES("email"), .unique = true});
	/* + index ix_posts_title */
	sd_create_index(m, "posts", &(sd_index_def){
		.name = "ix_posts_title", .columns = SD_NAMES("title")});
	/* + index ix_posts_lower_title */
	sd_create_index(m, "posts", &(sd_index_def){
		.name = "ix_posts_lower_title",
		.keys = (const sd_index_key_def[]){
			{.expression = "lower(title)"}},
		.nkeys = 1,
		.where = "title IS NOT NULL"});

	return sd_migration_status(m);
}
