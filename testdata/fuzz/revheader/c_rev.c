/*
 * Split display names
 *
 * revision: 07b3307346be
 * revises: e903ec057286
 * created: 2026-11-29T16:49:58Z
 * dialect: sqlite
 */

#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	sd_table_def *t = sd_table_begin(m, "profiles");
	sd_cursor *c;
	int rc;

	sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
	sd_table_column(t, "user_id", "integer", SD_COL_NOT_NULL);
	sd_column_default(sd_table_column(t, "display", "string(80)", 0), "''");
	sd_table_constraint(t, &(sd_constraint_def){
		.kind = SD_FOREIGN_KEY, .name = "fk_profiles_user_id_users",
		.columns = SD_NAMES("user_id"),
		.ref_table = "users", .ref_columns = SD_NAMES("id"),
		.on_delete = "cascade"});
	sd_create_table(m, t);
	sd_create_index(m, "profiles", &(sd_index_def){
		.name = "ix_profiles_user_id", .columns = SD_NAMES("user_id")});

	/* data: one profile per user, values bound, never spliced */
	if ((rc = sd_query(&c, m, "SELECT id, username FROM users")) < 0)
		return rc;
	while (sd_cursor_next(c))
		sd_execute(m, "INSERT INTO profiles (user_id, display) VALUES ($1, $2)",
		           sd_cursor_text(c, 0), sd_cursor_text(c, 1));
	sd_cursor_free(c);
	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	sd_drop_index(m, "profiles", "ix_profiles_user_id");
	sd_drop_table(m, "profiles");
	return sd_migration_status(m);
}
