/* golden: postgres_hostile */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	sd_table_def *t;
	sd_column_def *c;

	/* + table we"ird\na? ?/me * / x */
	t = sd_table_begin(m, "we\"ird\\na?\?/me */ x");
	sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
	c = sd_table_column(t, "it's \"col\"\n2", "text", 0);
	sd_column_default(c, "'a\\b ?\?= \"q\"'");
	sd_create_table(m, t);

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	/* - table we"ird\na? ?/me * / x */
	sd_drop_table(m, "we\"ird\\na?\?/me */ x");

	return sd_migration_status(m);
}
