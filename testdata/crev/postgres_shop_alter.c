/* golden: postgres_shop_alter */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	sd_column_def *c;

	/* - unique uq_users_email */
	sd_drop_constraint(m, "users", "uq_users_email");
	/* - check ck_posts_title */
	sd_drop_constraint(m, "posts", "ck_posts_title");
	/* - index ix_posts_title */
	sd_drop_index(m, "posts", "ix_posts_title");
	/* - index ix_posts_lower_title */
	sd_drop_index(m, "posts", "ix_posts_lower_title");
	/* ~ rename table users -> accounts */
	sd_rename_table(m, "users", "accounts");
	/* ~ rename column accounts.username -> login */
	sd_rename_column(m, "accounts", "username", "login");
	/* ~ rename primary key pk_users -> pk_accounts */
	sd_execute_script(m,
		"ALTER TABLE \"accounts\" RENAME CONSTRAINT \"pk_users\" TO \"pk_accounts\";\n");
	/* ~ rename foreign key fk_posts_user_id_users -> fk_posts_user_id_accounts */
	sd_execute_script(m,
		"ALTER TABLE \"posts\" RENAME CONSTRAINT \"fk_posts_user_id_users\" TO \"fk_posts_user_id_accounts\";\n");
	/* ~ column accounts.login: type string(50) -> string(80) */
	sd_alter_column_type(m, "accounts", "login", "string(80)");
	/* + column accounts.karma */
	c = sd_column_begin(m, "karma", "integer", SD_COL_NOT_NULL);
	sd_column_default(c, "0");
	sd_add_column(m, "accounts", c);
	/* + column posts.body */
	c = sd_column_begin(m, "body", "text", 0);
	sd_column_default(c, "''");
	sd_add_column(m, "posts", c);
	/* + index ix_posts_title */
	sd_create_index(m, "posts", &(sd_index_def){
		.name = "ix_posts_title", .columns = SD_NAMES("title"), .unique = true});
	/* - column accounts.email */
	sd_drop_column(m, "accounts", "email");

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	/* + column accounts.email */
	sd_add_column(m, "accounts", sd_column_begin(m, "email", "string(120)", 0));
	/* - index ix_posts_title */
	sd_drop_index(m, "posts", "ix_posts_title");
	/* - column posts.body */
	sd_drop_column(m, "posts", "body");
	/* - column accounts.karma */
	sd_drop_column(m, "accounts", "karma");
	/* ~ column accounts.login: type string(80) -> string(50) */
	sd_alter_column_type(m, "accounts", "login", "string(50)");
	/* ~ rename foreign key fk_posts_user_id_accounts -> fk_posts_user_id_users */
	sd_execute_script(m,
		"ALTER TABLE \"posts\" RENAME CONSTRAINT \"fk_posts_user_id_accounts\" TO \"fk_posts_user_id_users\";\n");
	/* ~ rename primary key pk_accounts -> pk_users */
	sd_execute_script(m,
		"ALTER TABLE \"accounts\" RENAME CONSTRAINT \"pk_accounts\" TO \"pk_users\";\n");
	/* ~ rename column accounts.login -> username */
	sd_rename_column(m, "accounts", "login", "username");
	/* ~ rename table accounts -> users */
	sd_rename_table(m, "accounts", "users");
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
	/* + check ck_posts_title */
	sd_add_constraint(m, "posts",
		&(sd_constraint_def){.kind = SD_CHECK, .name = "ck_posts_title",
		.check = "length(title) > 0"});
	/* + unique uq_users_email */
	sd_add_constraint(m, "users",
		&(sd_constraint_def){.kind = SD_UNIQUE, .name = "uq_users_email",
		.columns = SD_NAMES("email")});

	return sd_migration_status(m);
}
