/*
 * normalize.h - models made comparable with a live database by meaning.
 *
 * A schema read from the models holds expressions as the user wrote them;
 * an introspected one holds what the server stores. The normaliser of a
 * driver fills the canonical forms (sd_expr.canon, RAW type spellings)
 * into the models so the differ compares like with like. It sits above
 * diff and emit because it builds operations and emits them to ask the
 * server (PostgreSQL round-trips through a scratch schema).
 */
#ifndef SD_NORMALIZE_H
#define SD_NORMALIZE_H

#include "db/db.h"
#include "model/schema.h"

SD_LAYER_HEADER(NORMALIZE);

/*
 * Fills canonical forms into models through db. live (may be NULL) is
 * db's catalog as read: what the models spell exactly as it does is taken
 * from it without asking the server again. SQLite: nothing to
 * canonicalise, only what it has no such thing as refused. PostgreSQL: defaults, generated
 * columns, checks, index predicates and expression keys get the server's
 * text, RAW column types its spelling; they are packed into a few wide
 * tables of a scratch schema, inside a transaction that is always rolled
 * back, in batches under savepoints (so the default
 * max_locks_per_transaction holds). Models without any of them cause no
 * round trip at all. Must not be called inside an open transaction.
 */
int sd_normalize(sd_db *db, sd_schema *models, const sd_schema *live,
                 sd_error *err);

/* The PostgreSQL normaliser sd_normalize runs (postgres.c). */
int sd_pg_normalize(sd_db *db, sd_schema *models, const sd_schema *live,
                    sd_error *err);

/* SQLite's (sqlite.c): nothing to canonicalise; refuses what SQLite has
 * no such thing as (event triggers), at its line. */
int sd_sqlite_normalize(sd_db *db, sd_schema *models, const sd_schema *live,
                        sd_error *err);

#endif
