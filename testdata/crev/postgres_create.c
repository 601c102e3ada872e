/* golden: postgres_create */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	sd_table_def *t;
	sd_column_def *c;

	/* + schema billing */
	sd_execute_script(m,
		"CREATE SCHEMA \"billing\";\n");
	/* + enum user_status (active, banned) */
	sd_create_enum(m, "user_status", SD_NAMES("active", "banned"));
	/* + table billing.orgs */
	sd_use_schema(m, "billing");
	t = sd_table_begin(m, "orgs");
	sd_table_comment(t, "Paying customers");
	sd_table_column(t, "id", "bigint", SD_COL_PRIMARY_KEY);
	c = sd_table_column(t, "name", "text", SD_COL_NOT_NULL);
	sd_column_comment(c, "Legal name");
	sd_create_table(m, t);
	/* + table users */
	sd_use_schema(m, NULL);
	t = sd_table_begin(m, "users");
	sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
	sd_table_column(t, "org_id", "bigint", 0);
	c = sd_table_column(t, "status", "enum(user_status)", 0);
	sd_column_default(c, "'active'");
	c = sd_table_column(t, "score", "numeric(10,2)", SD_COL_NOT_NULL);
	sd_column_default(c, "0");
	sd_table_column(t, "tags", "text[]", 0);
	sd_table_constraint(t, &(sd_constraint_def){.kind = SD_CHECK, .name = "ck_users_score",
		.check = "score >= 0"});
	sd_table_constraint(t, &(sd_constraint_def){.kind = SD_FOREIGN_KEY, .name = "fk_users_org_id_orgs",
		.columns = SD_NAMES("org_id"), .ref_schema = "billing",
		.ref_table = "orgs", .ref_columns = SD_NAMES("id")});
	sd_create_table(m, t);
	/* + index ix_users_status */
	sd_create_index(m, "users", &(sd_index_def){
		.name = "ix_users_status", .columns = SD_NAMES("status", "org_id")});

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	/* - index ix_users_status */
	sd_drop_index(m, "users", "ix_users_status");
	/* - table users */
	sd_drop_table(m, "users");
	/* - table billing.orgs */
	sd_use_schema(m, "billing");
	sd_drop_table(m, "orgs");
	/* - enum user_status */
	sd_use_schema(m, NULL);
	sd_drop_enum(m, "user_status");
	/* - schema billing */
	sd_execute_script(m,
		"DROP SCHEMA \"billing\";\n");

	return sd_migration_status(m);
}
