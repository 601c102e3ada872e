/*
 * compare.c - what `check`, `generate` and `diff` share: reading the
 * database's catalog, loading the models (normalised through the
 * database), diffing, and the models-against-database pipeline that loads
 * the models on a second thread while the catalog is read.
 */
#include "cli/cli.h"

#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "introspect/introspect.h"
#include "model/logic.h"
#include "normalize/normalize.h"

/* The progress line of one introspection, on a terminal's stderr. */
typedef struct reading {
	sd_cli *cli;
	const char *where;
} reading;

/* "\r\033[K" rewrites the line in place, so the terminal keeps one line. */
static void reading_progress(void *ctx, const char *what, size_t done,
                             size_t total)
{
	reading *r = ctx;

	fprintf(stderr, "\r\033[Kschemadiff: reading %s: %s (%zu/%zu)",
	        r->where, what, done, total);
	fflush(stderr);
}

void sd_cli_models_privileges(const sd_config *c, sd_schema *models)
{
	if (c->privileges && models)
		sd_schema_logic(models)->privileges = true;
}

/* sd_cli_introspect, with o.before_bulk = before_bulk (may be NULL). */
static int introspect(sd_cli *cli, sd_db *db, sd_schema **out,
                      void (*before_bulk)(void *ctx), void *ctx)
{
	sd_introspect_opts o;
	reading r;
	bool show = cli->stderr_tty && cli->verbosity >= 0;
	int rc;

	memset(&o, 0, sizeof(o));
	o.before_bulk = before_bulk;
	o.before_bulk_ctx = ctx;
	if (cli->config) {
		o.version_table = cli->config->version_table;
		o.ignore = cli->config->ignore;
		o.privileges = cli->config->privileges;
	}
	if (show) {
		r.cli = cli;
		r.where = db->display_url ? db->display_url : "the database";
		o.progress = reading_progress;
		o.progress_ctx = &r;
		fprintf(stderr, "schemadiff: reading %s ...", r.where);
		fflush(stderr);
	}
	rc = sd_introspect(out, db, &o, &cli->err);
	if (show) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	return rc;
}

int sd_cli_introspect(sd_cli *cli, sd_db *db, sd_schema **out)
{
	return introspect(cli, db, out, NULL, NULL);
}

/* Fills canonical forms into models read from YAML (normalize.h). */
static int normalize(sd_cli *cli, sd_db *db, sd_schema *models,
                     const sd_schema *live)
{
	return sd_normalize(db, models, live, &cli->err);
}

int sd_cli_models(sd_cli *cli, const char *path, sd_db *db,
                  const sd_schema *live, sd_schema **out)
{
	sd_config *c;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	rc = sd_models_load(out, path, &c->naming, &cli->err);
	if (rc)
		return rc;
	sd_cli_models_privileges(c, *out);
	rc = normalize(cli, db, *out, live);
	if (rc) {
		sd_schema_free(*out);
		*out = NULL;
	}
	return rc;
}

int sd_cli_diff_before(sd_cli *cli, const sd_schema *from,
                       const sd_schema *to, const sd_dialect *d,
                       sd_plan **out, sd_schema **before)
{
	sd_config *c;
	sd_diff_opts o;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	memset(&o, 0, sizeof(o));
	o.ignore = c->ignore;
	o.version_table = c->version_table;
	o.drop_unlisted = true;
	o.privileges = c->privileges;
	o.caps = d ? d->caps : NULL;
	o.online = o.concurrently = cli->diff_online && d && d->emit_online;
	o.before = before;
	return sd_diff(out, from, to, &o, &cli->err);
}

int sd_cli_diff(sd_cli *cli, const sd_schema *from, const sd_schema *to,
                const sd_dialect *d, sd_plan **out)
{
	return sd_cli_diff_before(cli, from, to, d, out, NULL);
}

/* A no-op close for detach_db's stand-in. */
static void detached_close(sd_db *db)
{
	(void)db;
}

/*
 * Closes db and returns a stand-in that keeps only its driver's name and
 * dialect (all that check and generate read once the live schema is in),
 * so the connection and SQLite's parsed schema are freed before the
 * differ runs. The stand-in is static storage; closing it does nothing.
 */
static sd_db *detach_db(sd_db *db)
{
	static sd_db_driver driver;
	static sd_db stand_in;

	memset(&driver, 0, sizeof(driver));
	driver.name = db->driver->name;
	driver.close = detached_close;
	stand_in.driver = &driver;
	stand_in.display_url = NULL;
	sd_db_close(db);
	return &stand_in;
}

/*
 * The models are read on a second thread while the database is opened and
 * its catalog read: the YAML parse is CPU work in this process, the catalog
 * read is mostly the database's (SQLite parsing its schema, a PostgreSQL
 * server answering), so on two cores the two overlap almost completely.
 * The loader touches nothing shared: its own arena, its own sd_error, the
 * config read before the thread starts.
 *
 * Both sides peak in memory: the loader while the YAML document and the
 * schema built from it are alive together, the catalog read while the
 * big results (columns, keys, indexes) are turned into the live schema.
 * The catalog read waits for the models before that bulk (the queries are
 * sent by then, so the server works on), so the two peaks never add up:
 * at 5,000 tables on PostgreSQL they did in some runs, 8 to 15 MiB over
 * either one.
 */
typedef struct models_job {
	const char *path;
	const sd_naming *naming;
	sd_schema *schema;
	sd_error err;
	int rc;
	pthread_t tid;
	bool running; /* on its thread, not joined yet */
} models_job;

static void *models_job_run(void *arg)
{
	models_job *j = arg;

	j->rc = sd_models_load(&j->schema, j->path, j->naming, &j->err);
	/* its garbage (YAML text, position tree, bound structs) sits in
	 * this thread's malloc arena: give it back while the catalog is
	 * still being read */
	malloc_trim(0);
	return NULL;
}

/* Waits for the models (introspection's before_bulk, and after it). */
static void models_job_wait(void *arg)
{
	models_job *j = arg;

	if (j->running)
		pthread_join(j->tid, NULL);
	j->running = false;
}

int sd_cli_compare_models(sd_cli *cli, sd_cli_compare *cmp,
                          int (*at_open)(sd_cli *cli, sd_db *db, void *ctx),
                          void *ctx)
{
	sd_config *c;
	models_job job;
	sd_error saved, db_err;
	int rc, db_rc;

	memset(cmp, 0, sizeof(*cmp));
	rc = sd_cli_config(cli, &c);
	if (rc)
		return rc;
	memset(&job, 0, sizeof(job));
	job.path = c->models;
	job.naming = &c->naming;
	job.running = pthread_create(&job.tid, NULL, models_job_run, &job) == 0;
	if (!job.running)
		models_job_run(&job);
	/* the database's diagnostics are held back until the models are in */
	saved = cli->err;
	memset(&cli->err, 0, sizeof(cli->err));
	db_rc = sd_cli_open_db(cli, &cmp->db, SD_DB_OPEN_NO_CREATE);
	if (!db_rc)
		db_rc = introspect(cli, cmp->db, &cmp->live, models_job_wait,
		                   &job);
	db_err = cli->err;
	cli->err = saved;
	models_job_wait(&job);
	cmp->models = job.schema;
	sd_error_move(&cli->err, &job.err);
	/* Bad models fail first, whatever the database said. */
	if (job.rc) {
		sd_error_clear(&db_err);
		return job.rc;
	}
	sd_error_move(&cli->err, &db_err);
	sd_cli_models_privileges(c, cmp->models);
	rc = db_rc;
	if (!rc && at_open)
		rc = at_open(cli, cmp->db, ctx);
	if (!rc)
		rc = normalize(cli, cmp->db, cmp->models, cmp->live);
	if (!rc)
		cmp->db = detach_db(cmp->db);
	if (!rc)
		rc = sd_cli_diff(cli, cmp->live, cmp->models,
		                 sd_db_dialect(cmp->db), &cmp->plan);
	return rc;
}

void sd_cli_compare_free(sd_cli_compare *cmp)
{
	sd_plan_free(cmp->plan);
	sd_schema_free(cmp->live);
	sd_schema_free(cmp->models);
	sd_db_close(cmp->db);
	memset(cmp, 0, sizeof(*cmp));
}
