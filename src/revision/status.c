/*
 * status.c - where each revision stands on one database: applied or
 * pending, when it was applied, and whether its file changed since, read
 * from the version rows and the applied log (<version_table>_log).
 */
#include "revision/revision.h"

#include <stdlib.h>
#include <string.h>

const char *sd_rev_file_checksum(sd_arena *a, const char *path)
{
	char *data = NULL, hex[65];
	size_t len = 0;

	if (sd_file_read(&data, &len, path, NULL))
		return NULL;
	sd_sha256_hex(data, len, hex);
	free(data);
	return sd_arena_strdup(a, hex);
}

/* What the log says of one revision. */
typedef struct log_entry {
	const char *applied_at; /* latest upgrade or stamp */
	const char *how;
	const char *sums;       /* "|sum1|sum2|": every checksum it ran with */
} log_entry;

/*
 * Reads the applied log into a map revision id -> log_entry. A missing
 * log is an empty map. Downgrades carry no checksum that matters: a file
 * reverted and then edited was not run as edited.
 */
static int read_log(sd_map **out, sd_arena *a, sd_db *db, const char *table,
                    sd_error *err)
{
	const char *log = sd_version_log_table(a, table);
	const sd_dialect *d = sd_db_dialect(db);
	static const char *const cols[] = {"revision", "operation", "checksum",
	                                   "applied_at"};
	const char *params[1] = {"downgrade"};
	sd_buf sql = SD_BUF_INIT;
	sd_rows *rows = NULL;
	bool exists = false;
	size_t i;
	int rc;

	*out = sd_map_new(a, 16);
	rc = db->driver->table_exists(db, NULL, log, &exists, err);
	if (rc || !exists)
		goto done;
	sd_buf_put(&sql, "SELECT ");
	for (i = 0; i < SD_ARRAY_LEN(cols); i++) {
		if (i)
			sd_buf_put(&sql, ", ");
		d->quote_ident(&sql, cols[i]);
	}
	sd_buf_put(&sql, " FROM ");
	d->quote_ident(&sql, log);
	sd_buf_put(&sql, " WHERE ");
	d->quote_ident(&sql, "operation");
	sd_buf_put(&sql, " <> $1");
	rc = db->driver->query(db, sd_buf_cstr(&sql), params, 1, &rows, err);
	if (rc)
		goto done;
	for (i = 0; i < rows->nrows; i++) {
		const char *id = sd_rows_get(rows, i, 0);
		const char *how = sd_rows_get(rows, i, 1);
		const char *sum = sd_rows_get(rows, i, 2);
		const char *at = sd_rows_get(rows, i, 3);
		log_entry *e;
		if (!id)
			continue;
		e = sd_map_get(*out, id);
		if (!e) {
			e = sd_arena_alloc(a, sizeof(*e));
			memset(e, 0, sizeof(*e));
			sd_map_put(*out, sd_arena_strdup(a, id), e);
		}
		if (at && (!e->applied_at || strcmp(at, e->applied_at) >= 0)) {
			e->applied_at = sd_arena_strdup(a, at);
			e->how = how ? sd_arena_strdup(a, how) : NULL;
		}
		if (sum)
			e->sums = sd_arena_printf(a, "%s|%s|", e->sums ? e->sums : "",
			                          sum);
	}
done:
	sd_rows_free(rows);
	sd_buf_free(&sql);
	return rc;
}

int sd_rev_status(sd_rev_state **out, sd_arena *a, sd_db *db,
                  const sd_rev_graph *g, const char *table,
                  sd_revision *const *current, size_t ncurrent,
                  sd_error *err)
{
	sd_map *log;
	bool *applied;
	size_t i;
	int rc = read_log(&log, a, db, table, err);

	if (rc)
		return rc;
	applied = sd_rev_graph_closure(g, a, current, ncurrent);
	*out = sd_arena_alloc(a, (g->n + 1) * sizeof(sd_rev_state));
	for (i = 0; i < g->n; i++) {
		sd_rev_state *s = &(*out)[i];
		const log_entry *e = sd_map_get(log, g->revs[i]->id);
		memset(s, 0, sizeof(*s));
		s->rev = g->revs[i];
		s->applied = applied[i];
		if (!s->applied || !e)
			continue;
		s->applied_at = e->applied_at;
		s->how = e->how;
		if (e->sums) {
			const char *sum = sd_rev_file_checksum(a, s->rev->path);
			s->changed = sum && !strstr(e->sums,
			                            sd_arena_printf(a, "|%s|", sum));
		}
	}
	return SD_OK;
}
