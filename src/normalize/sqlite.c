/*
 * sqlite.c - SQLite's normaliser: SQLite keeps its SQL as written, so
 * there is nothing to canonicalise; what the models hold that SQLite has
 * no such thing as is refused here, at its line, before any plan.
 */
#include "normalize/normalize.h"
#include "model/logic.h"

int sd_sqlite_normalize(sd_db *db, sd_schema *models, const sd_schema *live,
                        sd_error *err)
{
	const sd_logic *l = sd_logic_of(models);
	size_t i;
	int rc = SD_OK;

	(void)db;
	(void)live;
	for (i = 0; i < l->nevent_triggers; i++) {
		const sd_object *o = &l->event_triggers[i]->base;
		rc = sd_error_add(err, SD_EINPUT, o->loc.path, o->loc.line, 0,
		                  o->name,
		                  "SQLite has no event triggers (models' "
		                  "event_triggers are PostgreSQL's)");
	}
	return rc;
}
