/*
 * postgres.h - what the PostgreSQL driver offers beyond the driver table.
 */
#ifndef SD_DB_POSTGRES_H
#define SD_DB_POSTGRES_H

#include <libpq-fe.h>

#include "db/db.h"

/* The connection's libpq handle (owned by db), NULL when db is not a
 * PostgreSQL connection. For the catalog reader and the normaliser. */
PGconn *sd_pg_conn(sd_db *db);

/*
 * Adds an SD_ERUNTIME diagnostic "what: msg" with the server's message on
 * one line, its password masked. Returns SD_ERUNTIME.
 */
int sd_pg_error(sd_error *err, const char *what, const char *msg);
/* Appends a server message as it is, its password masked and its trailing
 * newlines dropped. */
void sd_pg_message(sd_buf *out, const char *msg);

/* What one transaction of statements is estimated to lock. */
typedef struct sd_pg_lock_estimate {
	size_t relations; /* tables touched, their TOAST tables, and what
	                   * dropped tables own (indexes, sequences) */
	size_t indexes;   /* created, including PRIMARY KEY and UNIQUE */
	size_t sequences; /* created, including identity and serial */
	size_t tables_created;
	size_t total;     /* locks held at commit: all of the above */
} sd_pg_lock_estimate;

/*
 * Estimates the relation locks a transaction running stmts holds at its
 * end: one per table touched, two more per new table with a variable-length
 * column (its TOAST table and index), one per index and sequence created.
 * Tables are told apart by the name written after CREATE/ALTER/DROP TABLE,
 * ON and REFERENCES, so the estimate is close for generated revisions and a
 * lower bound for unusual hand-written SQL. Pure text work: no connection.
 */
void sd_pg_lock_estimate_sql(sd_pg_lock_estimate *out,
                             const char *const *stmts, size_t nstmts);

/*
 * The same, plus what the tables the statements drop own (indexes, TOAST
 * table, sequences), which only the catalog of db knows (db NULL or not
 * PostgreSQL: the text alone). Returns SD_OK or SD_ERUNTIME.
 */
int sd_pg_lock_estimate_db(sd_pg_lock_estimate *out, sd_db *db,
                           const char *const *stmts, size_t nstmts,
                           sd_error *err);

/*
 * Refuses, before anything runs, a transaction that cannot fit in the
 * server's shared lock table, max_locks_per_transaction *
 * (max_connections + max_prepared_transactions) entries (64 * 100 by
 * default), which PostgreSQL otherwise reports as "out of shared memory"
 * only after minutes of work. what names the transaction ("revision
 * 2adf0de98a75"), path the file for the message. Returns SD_OK when the
 * estimate fits or db is not PostgreSQL; SD_ERUNTIME with the numbers and
 * the ways through (a bigger max_locks_per_transaction, or several smaller
 * revisions) when it does not.
 */
int sd_pg_lock_preflight(sd_db *db, const char *const *stmts, size_t nstmts,
                         const char *path, const char *what, sd_error *err);

/* Runs one statement; *rows is the count it reports (UPDATE 42). */
int sd_pg_exec_count(sd_db *db, const char *sql, long long *rows,
                     sd_error *err);
/* The SQLSTATE of the last statement that failed on db ("" none). */
const char *sd_pg_sqlstate(sd_db *db);

/* The driver's revision-step hooks (pg_online.c); see sd_db_driver. */
int sd_pg_lock_timeout(sd_db *db, long ms, bool in_tx, sd_error *err);
bool sd_pg_lock_timed_out(sd_db *db);
int sd_pg_nontx_prepare(sd_db *db, const char *stmt, bool resuming,
                        sd_arena *a, bool *skip, bool *concurrent,
                        const char **note, sd_error *err);
int sd_pg_batch(sd_db *db, const char *stmt, sd_batch *b, sd_error *err);
int sd_pg_lock_holders(sd_db *db, const char *relation, sd_buf *out,
                       sd_error *err);
int sd_pg_table_size(sd_db *db, const char *schema, const char *table,
                     double *rows, long long *bytes, sd_error *err);

#endif
