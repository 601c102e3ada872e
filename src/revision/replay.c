/*
 * replay.c - revision files run on a scratch database and read back
 * (replay.h).
 */
#include "revision/replay.h"

#include "introspect/introspect.h"

#include <string.h>

struct sd_replay {
	const sd_rev_graph *g;
	const sd_replay_opts *opts;
	sd_runner_opts runner;
	sd_db *db;
	sd_arena *arena;
	bool *applied; /* g->n entries by topo: what the scratch holds */
};

static int scratch_open(sd_replay *rp, sd_error *err)
{
	int rc = sd_db_scratch_open(&rp->db, rp->opts->driver,
	                            rp->opts->server_url, err);

	if (!rc)
		memset(rp->applied, 0, rp->g->n + 1);
	return rc;
}

int sd_replay_open(sd_replay **out, const sd_rev_graph *g,
                   const sd_replay_opts *opts, sd_error *err)
{
	sd_replay *rp;
	sd_arena *a = sd_arena_new();
	int rc;

	rp = sd_arena_alloc(a, sizeof(*rp));
	rp->arena = a;
	rp->g = g;
	rp->opts = opts;
	if (opts->runner)
		rp->runner = *opts->runner;
	rp->runner.version_table = opts->version_table;
	rp->applied = sd_arena_alloc(a, g->n + 1);
	rc = scratch_open(rp, err);
	if (rc) {
		sd_arena_free(a);
		return rc;
	}
	*out = rp;
	return SD_OK;
}

int sd_replay_close(sd_replay *rp, sd_error *err)
{
	int rc;

	if (!rp)
		return SD_OK;
	rc = sd_db_scratch_drop(rp->db, err);
	sd_arena_free(rp->arena);
	return rc;
}

int sd_replay_state(sd_replay *rp, sd_revision *const *revs, size_t n,
                    sd_schema **out, sd_error *err)
{
	const sd_rev_graph *g = rp->g;
	sd_arena *a = sd_arena_new();
	bool *want = sd_rev_graph_closure(g, a, revs, n);
	sd_introspect_opts io;
	size_t i;
	int rc = SD_OK;

	/* Going back (or sideways) would need the downgrades to be right,
	 * which is not what a replay checks: start from empty instead. */
	for (i = 0; i < g->n; i++)
		if (rp->applied[i] && !want[i])
			break;
	if (i < g->n) {
		rc = sd_db_scratch_drop(rp->db, err);
		rp->db = NULL;
		if (!rc)
			rc = scratch_open(rp, err);
		if (rc)
			goto done;
	}
	for (i = 0; i < n; i++) {
		sd_run_result res;
		if (rp->applied[revs[i]->topo])
			continue; /* an ancestor of one before it */
		rc = sd_runner_migrate(&res, rp->db, g, revs[i]->id, true,
		                       &rp->runner, err);
		if (rc)
			goto done;
		{
			const bool *now = sd_rev_graph_closure(g, a, &revs[i], 1);
			size_t k;
			for (k = 0; k < g->n; k++)
				rp->applied[k] |= now[k];
		}
	}
	memset(&io, 0, sizeof(io));
	io.version_table = rp->opts->version_table;
	io.ignore = rp->opts->ignore;
	rc = sd_introspect(out, rp->db, &io, err);
done:
	sd_arena_free(a);
	return rc;
}

int sd_replay_schema(sd_schema **out, const sd_rev_graph *g,
                     const char *target, const sd_replay_opts *opts,
                     sd_error *err)
{
	sd_replay *rp = NULL;
	sd_revision *one, **revs = NULL;
	size_t n = 0;
	int rc = SD_OK;

	if (strcmp(target, "heads") == 0 ||
	    (strcmp(target, "head") == 0 && g->nheads <= 1)) {
		revs = g->heads;
		n = g->nheads;
	} else if (strcmp(target, "head") == 0) {
		return sd_error_set(err, SD_EINPUT,
		                    "there are %zu heads; name one, or 'heads'",
		                    g->nheads);
	} else if (strcmp(target, "base") != 0) {
		rc = sd_rev_graph_lookup(&one, g, target, err);
		if (rc)
			return rc;
		revs = &one;
		n = 1;
	}
	rc = sd_replay_open(&rp, g, opts, err);
	if (!rc)
		rc = sd_replay_state(rp, revs, n, out, err);
	if (sd_replay_close(rp, err) && !rc) {
		sd_schema_free(*out);
		rc = SD_ERUNTIME;
	}
	return rc;
}

int sd_replay_revision(sd_schema **before, sd_schema **after,
                       const sd_rev_graph *g, sd_revision *rev,
                       const sd_replay_opts *opts, sd_error *err)
{
	sd_replay *rp = NULL;
	sd_schema *b = NULL, *a = NULL;
	int rc;

	rc = sd_replay_open(&rp, g, opts, err);
	if (!rc)
		rc = sd_replay_state(rp, rev->parent_revs, rev->nparents, &b, err);
	if (!rc)
		rc = sd_replay_state(rp, &rev, 1, &a, err);
	if (sd_replay_close(rp, err) && !rc)
		rc = SD_ERUNTIME;
	if (rc) {
		sd_schema_free(b);
		sd_schema_free(a);
		return rc;
	}
	*before = b;
	*after = a;
	return SD_OK;
}
