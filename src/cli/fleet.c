/*
 * fleet.c - one command over many databases or schemas: `--targets FILE`
 * (or the config's `targets:`) with upgrade, downgrade, current, status,
 * check and stamp.
 *
 * The target list is streamed, never held: N worker threads (-j N) each
 * take the next URL, open their own connection and run exactly what the
 * single-database command runs (the runner with its lock and one
 * transaction per revision), then report one line and forget the target.
 * What every target shares is read once before the workers start and only
 * read afterwards: the config, the revision graph, the compiled C
 * revisions. So memory is a handful of connections and, for check, one
 * models schema and one catalog per running worker, whatever the length of
 * the list.
 *
 * Killed at any moment, every target is left at a revision boundary (each
 * revision commits with its version row); the same command run again skips
 * what is done.
 */
#include "cli/cli.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi/capi.h"
#include "introspect/introspect.h"
#include "normalize/normalize.h"

typedef enum fleet_kind {
	FLEET_UPGRADE,
	FLEET_DOWNGRADE,
	FLEET_CURRENT,
	FLEET_STATUS,
	FLEET_CHECK,
	FLEET_STAMP,
} fleet_kind;

/* How a target ended. */
typedef enum target_state {
	T_OK,      /* changed something: upgraded, downgraded, stamped */
	T_SAME,    /* nothing to do: at head, at target, clean */
	T_BEHIND,  /* status/current: revisions pending; check: differs */
	T_FAILED,
	T_SKIPPED,
	T_NSTATES,
} target_state;

/*
 * Per command: its name and, per state, the word of a target's line and
 * of the summary (NULL: the state cannot happen for this command).
 */
typedef struct fleet_verb {
	const char *name;
	fleet_kind kind;
	const char *status[T_NSTATES];
	const char *summary[T_NSTATES];
	bool behind_exits_1; /* status and check: behind or differing is 1 */
} fleet_verb;

static const fleet_verb verbs[] = {
	{"upgrade", FLEET_UPGRADE,
	 {"ok", "at head", NULL, "failed", "skipped"},
	 {"upgraded", "at head", NULL, "failed", "skipped"}, false},
	{"downgrade", FLEET_DOWNGRADE,
	 {"ok", "at target", NULL, "failed", "skipped"},
	 {"downgraded", "at target", NULL, "failed", "skipped"}, false},
	{"current", FLEET_CURRENT,
	 {NULL, "at head", "behind", "failed", "skipped"},
	 {NULL, "at head", "behind", "failed", "skipped"}, false},
	{"status", FLEET_STATUS,
	 {NULL, "at head", "behind", "failed", "skipped"},
	 {NULL, "at head", "behind", "failed", "skipped"}, true},
	{"check", FLEET_CHECK,
	 {NULL, "clean", "differs", "failed", "skipped"},
	 {NULL, "clean", "differ", "failed", "skipped"}, true},
	{"stamp", FLEET_STAMP,
	 {"ok", NULL, NULL, "failed", "skipped"},
	 {"stamped", NULL, NULL, "failed", "skipped"}, false},
};

static const fleet_verb *verb_for(const char *name)
{
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(verbs); i++)
		if (strcmp(verbs[i].name, name) == 0)
			return &verbs[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The target list                                                     */
/* ------------------------------------------------------------------ */

/* A list of URLs read one at a time: a file, standard input, or the
 * config's list. */
typedef struct target_list {
	FILE *f;
	bool own;              /* f is ours to close */
	const char *name;      /* for messages */
	size_t line;
	const char *const *items;
	size_t nitems, pos;
	char *buf;             /* getline's */
	size_t cap;
} target_list;

/*
 * One line's URL, in place: blank lines and `#` comments (a whole line,
 * or after whitespace) give NULL.
 *     "  postgresql://h/t1   # tenant 1\n" -> "postgresql://h/t1"
 */
static char *line_url(char *s)
{
	char *p, *end;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '#')
		return NULL;
	for (p = s; *p; p++)
		if (*p == '#' && (p[-1] == ' ' || p[-1] == '\t')) {
			*p = '\0';
			break;
		}
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	                   end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return *s ? s : NULL;
}

/* The next URL and its line (1-based; the item number for a list), or
 * NULL at the end. The text lives until the next call. */
static const char *list_next(target_list *l, size_t *line)
{
	if (l->items) {
		if (l->pos >= l->nitems)
			return NULL;
		*line = ++l->pos;
		return l->items[l->pos - 1];
	}
	while (l->f && getline(&l->buf, &l->cap, l->f) >= 0) {
		char *url;
		l->line++;
		url = line_url(l->buf);
		if (url) {
			*line = l->line;
			return url;
		}
	}
	return NULL;
}

static void list_close(target_list *l)
{
	if (l->own && l->f)
		fclose(l->f);
	free(l->buf);
	memset(l, 0, sizeof(*l));
}

static int list_open(target_list *l, sd_cli *cli, const char *path,
                     const sd_config *c)
{
	memset(l, 0, sizeof(*l));
	if (!path && c->targets) {
		l->items = c->targets;
		l->nitems = c->ntargets;
		l->name = c->path ? c->path : "schemadiff.yaml";
		return SD_OK;
	}
	if (!path)
		path = c->targets_file;
	if (strcmp(path, "-") == 0) {
		l->f = stdin;
		l->name = "standard input";
		return SD_OK;
	}
	l->f = fopen(path, "r");
	if (!l->f)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "cannot read the targets file %s: %s", path,
		                    strerror(errno));
	l->own = true;
	l->name = path;
	return SD_OK;
}

/*
 * Reads a file or list once before anything runs: every line must be a
 * database URL (bad input, exit 2, nothing touched), and the count gives
 * the progress line its total. Standard input is read only once, as it
 * runs: a bad line there fails its own target.
 */
static int list_validate(sd_cli *cli, const char *path, const sd_config *c,
                         size_t *total)
{
	target_list l;
	const char *url;
	size_t line = 0;
	int rc = list_open(&l, cli, path, c);

	*total = 0;
	if (rc || (!l.items && l.f == stdin)) {
		list_close(&l);
		return rc;
	}
	while ((url = list_next(&l, &line))) {
		(*total)++;
		if (!sd_db_driver_for_url(url)) {
			sd_buf shown = SD_BUF_INIT;
			sd_mask_password(&shown, url);
			sd_error_add(&cli->err, SD_EINPUT, l.name, (int)line, 0,
			             NULL, "not a database URL: '%s'",
			             sd_buf_cstr(&shown));
			sd_buf_free(&shown);
		}
	}
	if (cli->err.nerrors) {
		sd_error_hint(&cli->err, "one sqlite:// or postgresql:// URL a "
		                         "line; `#` starts a comment");
		rc = SD_EINPUT;
	}
	list_close(&l);
	return rc;
}

/* ------------------------------------------------------------------ */
/* One run over the fleet                                              */
/* ------------------------------------------------------------------ */

typedef struct fleet {
	sd_cli *cli;
	const sd_config *config;
	const fleet_verb *verb;
	const char *rev_target; /* upgrade/downgrade/stamp TARGET */
	bool json;
	sd_rev_graph *g;
	sd_capi_ctx capi;       /* copied per target */

	pthread_mutex_t mu;     /* everything below, and the output */
	target_list list;
	size_t limit;           /* hand out targets below this index only */
	size_t handed;          /* targets handed out (the next one's index) */
	bool stop;              /* --fail-fast tripped or the canary failed */
	size_t total;           /* known in advance, or 0 */
	size_t running;
	size_t count[T_NSTATES];
	size_t reported;
	bool progress_shown;
	double t0;
} fleet;

typedef struct target {
	size_t index;
	size_t line;
	char *url;
	sd_arena *a;
	target_state state;
	sd_revision **from, **to;
	size_t nfrom, nto;
	size_t applied;         /* revisions run */
	sd_strlist details;     /* pending ids, or differences */
	const char *error;
	double seconds;
} target;

/* "base", "9f8e7d6c5b4a", "9f8e7d6c5b4a+1a2b3c4d5e6f" */
static const char *revs_text(sd_arena *a, sd_revision *const *r, size_t n)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;
	size_t i;

	if (!n)
		sd_buf_put(&b, "base");
	for (i = 0; i < n; i++) {
		if (i)
			sd_buf_putc(&b, '+');
		sd_buf_put(&b, r[i]->id);
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/* The first error of err as one line, "file:line: message". */
static const char *error_line(sd_arena *a, const sd_error *err)
{
	const sd_diag *d;
	sd_buf b = SD_BUF_INIT;
	const char *out;
	char *p;

	for (d = err->first; d && d->severity != SD_SEV_ERROR; d = d->next)
		;
	if (d)
		sd_diag_format(&b, d);
	else
		sd_buf_put(&b, "failed");
	out = p = sd_arena_strdup(a, sd_buf_cstr(&b));
	for (; *p; p++)
		if (*p == '\n')
			*p = ' ';
	sd_buf_free(&b);
	return out;
}

static bool at_heads(const sd_rev_graph *g, sd_revision *const *cur,
                     size_t n)
{
	size_t i;

	if (n != g->nheads)
		return false;
	for (i = 0; i < n; i++)
		if (cur[i]->nchildren)
			return false;
	return true;
}

static int run_migrate(fleet *f, target *t, sd_db *db, sd_error *err)
{
	const sd_config *c = f->config;
	bool upgrade = f->verb->kind == FLEET_UPGRADE;
	sd_runner_opts ro;
	sd_capi_ctx capi = f->capi;
	sd_run_result res;
	int rc;

	memset(&ro, 0, sizeof(ro));
	ro.version_table = c->version_table;
	ro.lock_timeout_ms = c->lock_timeout_ms;
	ro.lock_retries = c->lock_retries;
	ro.batch_size = c->batch_size;
	sd_capi_runner_opts(&ro, &capi);
	rc = sd_runner_current(&t->from, &t->nfrom, t->a, db, f->g,
	                       c->version_table, err);
	if (!rc)
		rc = sd_runner_migrate(&res, db, f->g, f->rev_target, upgrade,
		                       &ro, err);
	if (!rc)
		rc = sd_runner_current(&t->to, &t->nto, t->a, db, f->g,
		                       c->version_table, err);
	if (rc)
		return rc;
	t->applied = res.applied;
	t->state = res.nothing_to_do ? T_SAME : T_OK;
	return SD_OK;
}

static int run_status(fleet *f, target *t, sd_db *db, sd_error *err)
{
	sd_rev_state *st;
	size_t npending, i;
	int rc = sd_runner_current(&t->to, &t->nto, t->a, db, f->g,
	                           f->config->version_table, err);

	if (!rc && f->verb->kind == FLEET_STATUS)
		rc = sd_cli_status_read(&st, &npending, t->a, db, f->g,
		                        f->config->version_table, err);
	if (rc)
		return rc;
	t->from = t->to;
	t->nfrom = t->nto;
	if (f->verb->kind == FLEET_STATUS) {
		for (i = 0; i < f->g->n; i++)
			if (!st[i].applied)
				sd_strlist_push(t->a, &t->details, st[i].rev->id);
		t->state = npending ? T_BEHIND : T_SAME;
	} else {
		t->state = at_heads(f->g, t->to, t->nto) ? T_SAME : T_BEHIND;
	}
	return SD_OK;
}

/* check: the models (read for this target: normalising fills them in
 * for its server) against its catalog. */
static int run_check(fleet *f, target *t, sd_db *db, sd_error *err)
{
	const sd_config *c = f->config;
	sd_introspect_opts io;
	sd_diff_opts dopt;
	sd_schema *models = NULL, *live = NULL;
	sd_plan *plan = NULL;
	size_t i;
	int rc;

	memset(&io, 0, sizeof(io));
	io.version_table = c->version_table;
	io.ignore = c->ignore;
	io.privileges = c->privileges;
	rc = sd_models_load(&models, c->models, &c->naming, err);
	if (!rc)
		sd_cli_models_privileges(c, models);
	if (!rc)
		rc = sd_introspect(&live, db, &io, err);
	if (!rc)
		rc = sd_normalize(db, models, live, err);
	if (!rc) {
		memset(&dopt, 0, sizeof(dopt));
		dopt.ignore = c->ignore;
		dopt.version_table = c->version_table;
		dopt.drop_unlisted = true;
		dopt.privileges = c->privileges;
		dopt.caps = sd_db_dialect(db)->caps;
		rc = sd_diff(&plan, live, models, &dopt, err);
	}
	if (!rc) {
		for (i = 0; i < plan->nops; i++) {
			sd_buf b = SD_BUF_INIT;
			char marker = '~';
			if (!sd_cli_op_shown(plan->ops[i]))
				continue;
			sd_op_describe(&b, plan->ops[i], &marker);
			sd_strlist_push(t->a, &t->details,
			                sd_arena_strdup(t->a, sd_buf_cstr(&b)));
			sd_buf_free(&b);
		}
		t->state = t->details.n ? T_BEHIND : T_SAME;
	}
	sd_plan_free(plan);
	sd_schema_free(live);
	sd_schema_free(models);
	return rc;
}

static int run_stamp(fleet *f, target *t, sd_db *db, sd_error *err)
{
	sd_runner_opts ro;
	int rc;

	memset(&ro, 0, sizeof(ro));
	ro.version_table = f->config->version_table;
	rc = sd_runner_current(&t->from, &t->nfrom, t->a, db, f->g,
	                       ro.version_table, err);
	if (!rc)
		rc = sd_runner_stamp(db, f->g, f->rev_target, &ro, err);
	if (!rc)
		rc = sd_runner_current(&t->to, &t->nto, t->a, db, f->g,
		                       ro.version_table, err);
	if (!rc)
		t->state = T_OK;
	return rc;
}

/* Runs the command on one target; fills t's state, error and timing. */
static void run_target(fleet *f, target *t)
{
	sd_error err = SD_ERROR_INIT;
	sd_db *db = NULL;
	fleet_kind k = f->verb->kind;
	double t0 = sd_cli_now();
	/* only a change creates a SQLite file that is not there yet */
	unsigned flags = k == FLEET_UPGRADE || k == FLEET_STAMP
	                     ? 0 : SD_DB_OPEN_NO_CREATE;
	int rc;

	rc = sd_db_open_flags(&db, t->url, f->config->dir, flags, &err);
	if (!rc) {
		switch (k) {
		case FLEET_UPGRADE:
		case FLEET_DOWNGRADE:
			rc = run_migrate(f, t, db, &err);
			break;
		case FLEET_CURRENT:
		case FLEET_STATUS:
			rc = run_status(f, t, db, &err);
			break;
		case FLEET_CHECK:
			rc = run_check(f, t, db, &err);
			break;
		case FLEET_STAMP:
			rc = run_stamp(f, t, db, &err);
			break;
		}
	}
	if (rc) {
		t->state = T_FAILED;
		t->error = error_line(t->a, &err);
	}
	sd_db_close(db);
	sd_error_clear(&err);
	t->seconds = sd_cli_now() - t0;
}

/* ------------------------------------------------------------------ */
/* Reporting                                                           */
/* ------------------------------------------------------------------ */

static const char *masked_url(sd_arena *a, const char *url)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;

	sd_mask_password(&b, url);
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static cJSON *ids_json(sd_revision *const *r, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(r[i]->id));
	return arr;
}

/*
 *   {"index": 3, "line": 4, "url": "postgresql://app:****@db1/t3",
 *    "status": "ok", "from": [], "to": ["9f8e7d6c5b4a"], "revisions": 3,
 *    "seconds": 0.42, "error": null}
 * plus "pending" (status) or "differences" (check).
 */
static cJSON *target_json(const fleet *f, const target *t)
{
	cJSON *o = cJSON_CreateObject();
	size_t i;

	cJSON_AddNumberToObject(o, "index", (double)t->index);
	cJSON_AddNumberToObject(o, "line", (double)t->line);
	cJSON_AddStringToObject(o, "url", masked_url(t->a, t->url));
	cJSON_AddStringToObject(o, "status", f->verb->status[t->state]);
	if (t->state == T_SKIPPED) {
		cJSON_AddNullToObject(o, "from");
		cJSON_AddNullToObject(o, "to");
	} else {
		cJSON_AddItemToObject(o, "from", ids_json(t->from, t->nfrom));
		cJSON_AddItemToObject(o, "to", ids_json(t->to, t->nto));
	}
	if (f->verb->kind == FLEET_UPGRADE || f->verb->kind == FLEET_DOWNGRADE)
		cJSON_AddNumberToObject(o, "revisions", (double)t->applied);
	if (f->verb->kind == FLEET_STATUS || f->verb->kind == FLEET_CHECK) {
		cJSON *arr = cJSON_AddArrayToObject(
			o, f->verb->kind == FLEET_STATUS ? "pending" : "differences");
		for (i = 0; i < t->details.n; i++)
			cJSON_AddItemToArray(arr,
			                     cJSON_CreateString(t->details.items[i]));
	}
	cJSON_AddNumberToObject(o, "seconds",
	                        (double)(long)(t->seconds * 1000.0 + 0.5) /
	                                1000.0);
	if (t->error)
		cJSON_AddStringToObject(o, "error", t->error);
	else
		cJSON_AddNullToObject(o, "error");
	return o;
}

/* "postgresql://app:****@db1/t3: ok (base -> 9f8e7d6c5b4a, 3 revisions,
 * 0.42 s)" */
static void target_line(const fleet *f, const target *t, sd_buf *b)
{
	sd_cli *cli = f->cli;
	const char *word = f->verb->status[t->state];
	const char *color = t->state == T_FAILED   ? SD_CLI_RED
	                    : t->state == T_BEHIND ? SD_CLI_YELLOW
	                    : t->state == T_OK     ? SD_CLI_GREEN
	                                           : SD_CLI_DIM;

	sd_buf_printf(b, "%s: %s", t->url,
	              sd_cli_paint(cli, true, color, word));
	switch (t->state) {
	case T_FAILED:
		sd_buf_printf(b, ": %s", t->error);
		return;
	case T_SKIPPED:
		return;
	case T_OK:
		if (f->verb->kind == FLEET_STAMP)
			sd_buf_printf(b, " (%s -> %s",
			              revs_text(t->a, t->from, t->nfrom),
			              revs_text(t->a, t->to, t->nto));
		else
			sd_buf_printf(b, " (%s -> %s, %zu revision%s",
			              revs_text(t->a, t->from, t->nfrom),
			              revs_text(t->a, t->to, t->nto), t->applied,
			              t->applied == 1 ? "" : "s");
		break;
	default:
		if (f->verb->kind == FLEET_CHECK)
			sd_buf_printf(b, " (%zu difference%s", t->details.n,
			              t->details.n == 1 ? "" : "s");
		else if (f->verb->kind == FLEET_STATUS && t->details.n)
			sd_buf_printf(b, " (%s, %zu pending",
			              revs_text(t->a, t->to, t->nto), t->details.n);
		else
			sd_buf_printf(b, " (%s", revs_text(t->a, t->to, t->nto));
		break;
	}
	sd_buf_printf(b, ", %.2f s)", t->seconds);
}

/* The terminal's progress line on stderr, rewritten in place. */
static void progress(fleet *f)
{
	sd_cli *cli = f->cli;

	if (!cli->stderr_tty || cli->verbosity < 0)
		return;
	if (f->total)
		fprintf(stderr, "\r\033[Kschemadiff: %s: %zu/%zu done, %zu running, %zu failed",
		        f->verb->name, f->reported, f->total, f->running,
		        f->count[T_FAILED]);
	else
		fprintf(stderr, "\r\033[Kschemadiff: %s: %zu done, %zu running, %zu failed",
		        f->verb->name, f->reported, f->running,
		        f->count[T_FAILED]);
	fflush(stderr);
	f->progress_shown = true;
}

static void progress_clear(fleet *f)
{
	if (!f->progress_shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	f->progress_shown = false;
}

/* Prints t (a line, or a JSON entry) and counts it. Holds f->mu. */
static void report_locked(fleet *f, const target *t)
{
	sd_cli *cli = f->cli;

	progress_clear(f);
	if (f->json) {
		cJSON *o = target_json(f, t);
		char *text = cJSON_PrintUnformatted(o);
		fputs(f->reported ? ",\n    " : "\n    ", stdout);
		sd_cli_write(cli, stdout, text);
		free(text);
		cJSON_Delete(o);
	} else {
		sd_buf b = SD_BUF_INIT;
		target_line(f, t, &b);
		sd_buf_putc(&b, '\n');
		sd_cli_write(cli, stdout, sd_buf_cstr(&b));
		sd_buf_free(&b);
	}
	fflush(stdout);
	f->count[t->state]++;
	f->reported++;
	if (t->state == T_FAILED && f->cli->fail_fast)
		f->stop = true;
	progress(f);
}

/* ------------------------------------------------------------------ */
/* Workers                                                             */
/* ------------------------------------------------------------------ */

/*
 * SIGINT or SIGTERM: start no more targets. Those running finish (each at
 * its revision boundaries anyway), the rest are reported skipped, and the
 * summary is printed. A second signal ends the process at once.
 */
static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Takes the next target off the list, unless stopped or at the limit.
 * Holds f->mu. */
static bool take_locked(fleet *f, target *t)
{
	const char *url;
	size_t line = 0;

	if (interrupted)
		f->stop = true;
	if (f->stop || (f->limit && f->handed >= f->limit))
		return false;
	url = list_next(&f->list, &line);
	if (!url)
		return false;
	memset(t, 0, sizeof(*t));
	t->a = sd_arena_new();
	t->url = sd_arena_strdup(t->a, url);
	t->line = line;
	t->index = f->handed++;
	return true;
}

static void *worker(void *arg)
{
	fleet *f = arg;
	target t;

	for (;;) {
		pthread_mutex_lock(&f->mu);
		if (!take_locked(f, &t)) {
			pthread_mutex_unlock(&f->mu);
			break;
		}
		f->running++;
		progress(f);
		pthread_mutex_unlock(&f->mu);

		run_target(f, &t);

		pthread_mutex_lock(&f->mu);
		f->running--;
		report_locked(f, &t);
		pthread_mutex_unlock(&f->mu);
		sd_arena_free(t.a);
	}
	return NULL;
}

/* Runs jobs workers until the list ends, the limit is reached or a stop;
 * returns once all have finished. */
static int run_workers(fleet *f, size_t jobs)
{
	pthread_t *tids = sd_xcalloc(jobs, sizeof(pthread_t));
	size_t i, started = 0;
	int rc = SD_OK;

	for (i = 0; i < jobs; i++) {
		if (pthread_create(&tids[i], NULL, worker, f) != 0)
			break;
		started++;
	}
	if (!started) {
		rc = sd_error_set(&f->cli->err, SD_ERUNTIME,
		                  "cannot start a worker thread");
		worker(f); /* still do the work, one at a time */
	}
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	return rc;
}

/* Reports every target not run (after a failed canary or --fail-fast). */
static void skip_rest(fleet *f)
{
	const char *url;
	size_t line = 0;

	while ((url = list_next(&f->list, &line))) {
		target t;
		memset(&t, 0, sizeof(t));
		t.a = sd_arena_new();
		t.url = sd_arena_strdup(t.a, url);
		t.line = line;
		t.index = f->handed++;
		t.state = T_SKIPPED;
		report_locked(f, &t);
		sd_arena_free(t.a);
	}
}

/* "98 upgraded, 0 at head, 1 failed, 1 skipped" */
static void summary(fleet *f, double seconds)
{
	sd_cli *cli = f->cli;
	size_t i;

	progress_clear(f);
	if (f->json) {
		cJSON *s = cJSON_CreateObject();
		char *text;
		for (i = 0; i < T_NSTATES; i++)
			if (f->verb->status[i])
				cJSON_AddNumberToObject(s, f->verb->status[i],
				                        (double)f->count[i]);
		cJSON_AddNumberToObject(s, "total", (double)f->reported);
		cJSON_AddNumberToObject(s, "seconds",
		                        (double)(long)(seconds * 100.0 + 0.5) / 100.0);
		text = cJSON_PrintUnformatted(s);
		fprintf(stdout, "\n  ],\n  \"summary\": %s\n}\n", text);
		free(text);
		cJSON_Delete(s);
	} else if (cli->verbosity >= 0) {
		sd_buf b = SD_BUF_INIT;
		for (i = 0; i < T_NSTATES; i++) {
			if (!f->verb->summary[i])
				continue;
			sd_buf_printf(&b, "%s%zu %s", b.len ? ", " : "",
			              f->count[i], f->verb->summary[i]);
		}
		sd_buf_printf(&b, " (%zu target%s, %.1f s)", f->reported,
		              f->reported == 1 ? "" : "s", seconds);
		sd_cli_out(cli, "%s", sd_buf_cstr(&b));
		sd_buf_free(&b);
	}
	fflush(stdout);
}

/* ------------------------------------------------------------------ */
/* Entry                                                               */
/* ------------------------------------------------------------------ */

/* A whole number in [min, max] for option name, or bad usage. */
static int parse_count(sd_cli *cli, const char *name, const char *text,
                       long min, long max, size_t *out)
{
	char *end = NULL;
	long v;

	errno = 0;
	v = text ? strtol(text, &end, 10) : 0;
	if (!text || !*text || *end || errno || v < min || v > max)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "%s needs a whole number from %ld to %ld, not '%s'",
		                    name, min, max, text ? text : "");
	*out = (size_t)v;
	return SD_OK;
}

bool sd_cli_fleet_capable(const char *command)
{
	return verb_for(command) != NULL;
}

int sd_cli_fleet_wanted(sd_cli *cli, const char *command, bool *wanted)
{
	bool explicit_opts = cli->jobs || cli->canary || cli->fail_fast;
	sd_config *c;
	int rc;

	*wanted = false;
	if ((cli->targets || explicit_opts) && !sd_cli_fleet_capable(command))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "%s works with upgrade, downgrade, current, "
		                    "status, check and stamp, not %s",
		                    cli->targets ? "--targets"
		                    : cli->jobs  ? "-j"
		                    : cli->canary ? "--canary"
		                                  : "--fail-fast",
		                    command);
	if (!sd_cli_fleet_capable(command))
		return SD_OK;
	if (cli->targets && cli->database)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--targets and --database both given: name "
		                    "one database or a list, not both");
	if (cli->targets) {
		*wanted = true;
		return SD_OK;
	}
	if (!cli->database) {
		/* --database names one database, whatever the config lists */
		rc = sd_cli_config(cli, &c);
		if (rc)
			return rc;
		*wanted = c->targets || c->targets_file;
	}
	if (!*wanted && explicit_opts)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "-j, --canary and --fail-fast need targets: "
		                    "--targets FILE or `targets:` in the config");
	return SD_OK;
}

static void capi_warning(void *ctx, const char *msg)
{
	sd_cli_warn(ctx, "%s", msg);
}

/*
 * Compiles every C revision once, before the workers start, so they load
 * verified objects from the cache (and a compile error stops the run with
 * every target untouched). The cache's warnings are said here, once; the
 * workers' copies of the context say nothing.
 */
static int compile_all(fleet *f)
{
	sd_capi_ctx ctx = f->capi;
	size_t i;
	int rc = SD_OK;

	ctx.on_warning = capi_warning;
	ctx.warn_ctx = f->cli;
	for (i = 0; !rc && i < f->g->n; i++) {
		sd_buf object = SD_BUF_INIT;
		if (f->g->revs[i]->format == SD_REV_C)
			rc = sd_capi_compile(&object, &ctx, f->g->revs[i]->path,
			                     &f->cli->err);
		sd_buf_free(&object);
	}
	return rc;
}

int sd_cli_fleet(sd_cli *cli, const sd_cli_command *cmd, int argc,
                 char **argv)
{
	bool json = false, sql = false, force = false;
	const char *backup = NULL, *diagram = NULL;
	const sd_cli_opt opts[] = {
		{"json", 0, false, NULL, &json},
		{"sql", 0, false, NULL, &sql},
		{"backup", 0, true, &backup, NULL},
		{"force", 0, false, NULL, &force},
		{"diagram", 0, true, &diagram, NULL},
		{0},
	};
	const char **pos;
	size_t npos, jobs = 4, canary = 0;
	fleet f;
	sd_config *c;
	struct sigaction sa, old_int, old_term;
	double t0;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = sd_cli_parse(cli, cmd, opts, argc, argv, &pos, &npos);
	if (rc)
		return rc;
	f.cli = cli;
	f.verb = verb_for(cmd->name);
	f.json = json;
	if (sql)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--sql prints one database's SQL: give it "
		                    "--database URL instead of targets");
	if (diagram)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--diagram draws one database's drift: give "
		                    "check --database URL instead of targets");
	if (backup || force)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--backup writes one database's backup: "
		                    "back up each target with --database URL "
		                    "upgrade --backup PATH, or with your own tools");
	if (f.verb->kind == FLEET_UPGRADE || f.verb->kind == FLEET_DOWNGRADE ||
	    f.verb->kind == FLEET_STAMP) {
		if (npos > 1 || (f.verb->kind == FLEET_STAMP && npos != 1))
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "%s takes one %s", cmd->name,
			                    f.verb->kind == FLEET_STAMP ? "REV"
			                                               : "TARGET");
		f.rev_target = npos ? pos[0]
		               : f.verb->kind == FLEET_UPGRADE ? "head" : "-1";
		if (strchr(f.rev_target, ':'))
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "a range FROM:TO needs --sql, which "
			                    "works on one database");
	} else if (npos) {
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "%s takes no arguments (got '%s')", cmd->name,
		                    pos[0]);
	}
	if (cli->jobs)
		rc = parse_count(cli, "-j", cli->jobs, 1, 256, &jobs);
	if (!rc && cli->canary)
		rc = parse_count(cli, "--canary", cli->canary, 1, 1000000000,
		                 &canary);
	if (!rc)
		rc = sd_cli_config(cli, &c);
	if (rc)
		return rc;
	f.config = c;
	rc = list_validate(cli, cli->targets, c, &f.total);
	if (!rc)
		rc = sd_cli_graph(cli, &f.g);
	if (!rc && f.rev_target)
		rc = sd_cli_check_target(cli, f.g, f.rev_target,
		                         f.verb->kind == FLEET_STAMP);
	f.capi.cache_dir = c->cache;
	f.capi.project_dir = c->dir;
	if (!rc && (f.verb->kind == FLEET_UPGRADE ||
	            f.verb->kind == FLEET_DOWNGRADE))
		rc = compile_all(&f);
	if (!rc && f.verb->kind == FLEET_CHECK) {
		/* bad models are bad input once, not a failure per target */
		sd_schema *probe = NULL;
		rc = sd_models_load(&probe, c->models, &c->naming, &cli->err);
		sd_schema_free(probe);
	}
	if (!rc)
		rc = list_open(&f.list, cli, cli->targets, c);
	if (rc) {
		sd_rev_graph_free(f.g);
		return rc;
	}
	pthread_mutex_init(&f.mu, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_interrupt;
	sa.sa_flags = SA_RESETHAND | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	t0 = sd_cli_now();
	if (f.json) {
		printf("{\n  \"command\": \"%s\",\n  \"targets\": [", cmd->name);
		cli->json_printed = true; /* a failure is reported inside */
	}
	if (f.total && jobs > f.total)
		jobs = f.total;
	if (canary) {
		f.limit = canary;
		rc = run_workers(&f, jobs < canary ? jobs : canary);
		f.limit = 0;
		if (f.count[T_FAILED]) {
			f.stop = true;
			sd_cli_warn(cli, "the canary failed: the other targets are skipped");
		}
	}
	if (!rc && !f.stop)
		rc = run_workers(&f, jobs ? jobs : 1);
	if (interrupted)
		sd_cli_warn(cli, "interrupted: the targets not started are skipped; "
		                 "run the same command again to finish");
	pthread_mutex_lock(&f.mu);
	skip_rest(&f);
	summary(&f, sd_cli_now() - t0);
	pthread_mutex_unlock(&f.mu);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (!rc && interrupted) {
		rc = sd_error_set(&cli->err, SD_ERUNTIME,
		                  "%s interrupted: %zu of %zu targets skipped",
		                  cmd->name, f.count[T_SKIPPED], f.reported);
	} else if (!rc && f.count[T_FAILED]) {
		rc = sd_error_set(&cli->err, SD_ERUNTIME,
		                  "%s failed on %zu of %zu targets", cmd->name,
		                  f.count[T_FAILED], f.reported);
	} else if (!rc && f.verb->behind_exits_1 && f.count[T_BEHIND]) {
		rc = SD_DIFFERS;
	}
	list_close(&f.list);
	pthread_mutex_destroy(&f.mu);
	sd_rev_graph_free(f.g);
	return rc;
}
