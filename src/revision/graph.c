/*
 * graph.c - the revision graph: loading, topological order, heads, target
 * resolution and migration paths. Everything is iterative (explicit
 * stacks and queues), so chains of any length cannot overflow the stack.
 */
#include "revision/revision.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Older first: created timestamp, then id, so every order is stable. */
static int rev_older(const sd_revision *a, const sd_revision *b)
{
	int c = sd_strcmp_null(a->created, b->created);
	return c ? c : strcmp(a->id, b->id);
}

static int cmp_rev(const void *a, const void *b)
{
	return rev_older(*(sd_revision *const *)a, *(sd_revision *const *)b);
}

sd_revision *sd_rev_graph_get(const sd_rev_graph *g, const char *id)
{
	return g && id ? sd_map_get(g->by_id, id) : NULL;
}

void sd_rev_graph_free(sd_rev_graph *g)
{
	if (g)
		sd_arena_free(g->arena);
}

/*
 * r was left over by the topological sort (indeg[r->topo] > 0), so one of
 * its parents was too: walking such parents must come back to a revision
 * already seen, and the revisions from there on are a cycle. Reports it at
 * the `revises:` line of its first revision, naming every member:
 *     b.sql:4: revision b revises a, which revises b: a cycle ...
 */
static int report_cycle(sd_revision *r, const size_t *indeg, size_t n,
                        sd_error *err)
{
	size_t *seen = sd_xcalloc(n, sizeof(size_t)); /* position + 1 */
	sd_revision **walk = sd_xmalloc(n * sizeof(*walk));
	size_t len = 0, i, start;
	sd_buf chain = SD_BUF_INIT;
	int rc;

	while (!seen[r->topo]) {
		walk[len++] = r;
		seen[r->topo] = len;
		for (i = 0; i < r->nparents; i++)
			if (indeg[r->parent_revs[i]->topo])
				break;
		r = r->parent_revs[i < r->nparents ? i : 0];
	}
	start = seen[r->topo] - 1;
	sd_buf_printf(&chain, "revision %s revises", walk[start]->id);
	for (i = start + 1; i < len; i++)
		sd_buf_printf(&chain, " %s, which revises", walk[i]->id);
	sd_buf_printf(&chain, " %s", walk[start]->id);
	rc = sd_error_add(err, SD_EINPUT, walk[start]->path,
	                  walk[start]->parents_line, 0, NULL,
	                  "%s: a cycle in the revision graph",
	                  sd_buf_cstr(&chain));
	sd_buf_free(&chain);
	free(seen);
	free(walk);
	return rc;
}

/*
 * Kahn's algorithm, taking the oldest ready revision first, so siblings
 * appear in creation order. Revisions left over sit on a cycle: reports
 * the first of them.
 */
static int topo_sort(sd_rev_graph *g, sd_revision **all, size_t n,
                     sd_error *err)
{
	size_t *indeg = sd_xcalloc(n ? n : 1, sizeof(size_t));
	sd_revision **ready = sd_xmalloc((n ? n : 1) * sizeof(*ready));
	size_t nready = 0, out = 0, i, j;
	int rc = SD_OK;

	for (i = 0; i < n; i++) {
		all[i]->topo = i; /* temporary: index into all */
		indeg[i] = all[i]->nparents;
	}
	for (i = 0; i < n; i++)
		if (!indeg[i])
			ready[nready++] = all[i];
	g->revs = sd_arena_alloc(g->arena, (n ? n : 1) * sizeof(*g->revs));
	while (nready) {
		/* pick the oldest ready revision (n is small enough that a
		 * linear scan beats maintaining a heap) */
		size_t best = 0;
		sd_revision *r;
		for (i = 1; i < nready; i++)
			if (rev_older(ready[i], ready[best]) < 0)
				best = i;
		r = ready[best];
		ready[best] = ready[--nready];
		g->revs[out++] = r;
		for (j = 0; j < r->nchildren; j++) {
			sd_revision *c = r->children[j];
			/* a child listing the same parent twice is rejected by
			 * the parser, so each edge counts once */
			if (--indeg[c->topo] == 0)
				ready[nready++] = c;
		}
	}
	if (out < n) {
		for (i = 0; i < n && !indeg[i]; i++)
			;
		rc = report_cycle(all[i], indeg, n, err);
		goto done;
	}
	g->n = n;
	for (i = 0; i < n; i++)
		g->revs[i]->topo = i;
done:
	free(indeg);
	free(ready);
	return rc;
}

int sd_rev_graph_load(sd_rev_graph **out, const char *dir, sd_error *err)
{
	sd_rev_graph *g;
	sd_arena *a = sd_arena_new();
	DIR *d = NULL;
	struct dirent *de;
	sd_vec names = {0}, revs = {0}, heads = {0};
	size_t i, j;
	int rc = SD_OK;

	g = sd_arena_alloc(a, sizeof(*g));
	g->arena = a;
	g->dir = sd_arena_strdup(a, dir);
	g->by_id = sd_map_new(a, 64);
	d = opendir(dir);
	if (!d) {
		if (errno != ENOENT) {
			rc = sd_error_add(err, SD_EINPUT, dir, 0, 0, NULL,
			                  "cannot read versions directory: %s",
			                  strerror(errno));
			goto done;
		}
	} else {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if (!sd_endswith(de->d_name, ".sql") &&
			    !sd_endswith(de->d_name, ".c"))
				continue;
			sd_vec_push(a, &names, sd_arena_strdup(a, de->d_name));
		}
		closedir(d);
	}
	/* Sorted so diagnostics come in a stable order. */
	if (names.n)
		qsort(names.items, names.n, sizeof(void *), cmp_str);
	for (i = 0; i < names.n; i++) {
		sd_revision *r = sd_arena_alloc(a, sizeof(*r));
		const char *path = sd_path_join(a, dir, names.items[i]);
		sd_revision *prev;
		if (sd_rev_read_header(r, a, path, err)) {
			rc = SD_EINPUT;
			continue;
		}
		prev = sd_map_get(g->by_id, r->id);
		if (prev) {
			rc = sd_error_add(err, SD_EINPUT, path, r->id_line, 0,
			                  NULL,
			                  "duplicate revision id %s (also in %s:%d)",
			                  r->id, prev->path, prev->id_line);
			continue;
		}
		sd_map_put(g->by_id, r->id, r);
		sd_vec_push(a, &revs, r);
	}
	if (rc)
		goto done;
	/* Link parents and children. */
	for (i = 0; i < revs.n; i++) {
		sd_revision *r = revs.items[i];
		r->parent_revs = sd_arena_alloc(a, (r->nparents + 1) * sizeof(void *));
		for (j = 0; j < r->nparents; j++) {
			sd_revision *p = sd_map_get(g->by_id, r->parents[j]);
			if (!p) {
				rc = sd_error_add(err, SD_EINPUT, r->path,
				                  r->parents_line, 0, NULL,
				                  "revision %s revises %s, which does not exist in %s",
				                  r->id, r->parents[j], dir);
				continue;
			}
			r->parent_revs[j] = p;
		}
	}
	if (rc)
		goto done;
	for (i = 0; i < revs.n; i++) {
		sd_revision *r = revs.items[i];
		for (j = 0; j < r->nparents; j++)
			r->parent_revs[j]->nchildren++;
	}
	for (i = 0; i < revs.n; i++) {
		sd_revision *r = revs.items[i];
		r->children = sd_arena_alloc(a, (r->nchildren + 1) * sizeof(void *));
		r->nchildren = 0;
	}
	for (i = 0; i < revs.n; i++) {
		sd_revision *r = revs.items[i];
		for (j = 0; j < r->nparents; j++) {
			sd_revision *p = r->parent_revs[j];
			p->children[p->nchildren++] = r;
		}
	}
	rc = topo_sort(g, (sd_revision **)revs.items, revs.n, err);
	if (rc)
		goto done;
	for (i = 0; i < g->n; i++)
		if (!g->revs[i]->nchildren)
			sd_vec_push(a, &heads, g->revs[i]);
	if (heads.n)
		qsort(heads.items, heads.n, sizeof(void *), cmp_rev);
	g->heads = (sd_revision **)heads.items;
	g->nheads = heads.n;
done:
	if (rc) {
		sd_arena_free(a);
		return rc;
	}
	*out = g;
	return SD_OK;
}

int sd_rev_graph_lookup(sd_revision **out, const sd_rev_graph *g,
                        const char *text, sd_error *err)
{
	sd_revision *r = sd_rev_graph_get(g, text);
	sd_buf cands = SD_BUF_INIT;
	size_t i, n = 0, len = strlen(text);
	int rc = SD_OK;

	if (r) {
		*out = r;
		return SD_OK;
	}
	if (len == 0)
		return sd_error_set(err, SD_EINPUT, "empty revision");
	for (i = 0; i < g->n; i++)
		if (strncmp(g->revs[i]->id, text, len) == 0) {
			sd_buf_printf(&cands, "%s%s", n ? ", " : "", g->revs[i]->id);
			r = g->revs[i];
			n++;
		}
	if (n == 1)
		*out = r;
	else if (n == 0)
		rc = sd_error_set(err, SD_EINPUT, "no revision '%s' in %s", text,
		                  g->dir);
	else
		rc = sd_error_set(err, SD_EINPUT,
		                  "revision prefix '%s' is ambiguous: %s", text,
		                  sd_buf_cstr(&cands));
	sd_buf_free(&cands);
	return rc;
}

bool *sd_rev_graph_closure(const sd_rev_graph *g, sd_arena *a,
                           sd_revision *const *heads, size_t nheads)
{
	bool *in = sd_arena_alloc(a, g->n + 1);
	sd_revision **stack = sd_xmalloc((g->n + 1) * sizeof(*stack));
	size_t sp = 0, i, j;

	for (i = 0; i < nheads; i++)
		if (heads[i] && !in[heads[i]->topo]) {
			in[heads[i]->topo] = true;
			stack[sp++] = heads[i];
		}
	while (sp) {
		sd_revision *r = stack[--sp];
		for (j = 0; j < r->nparents; j++) {
			sd_revision *p = r->parent_revs[j];
			if (!in[p->topo]) {
				in[p->topo] = true;
				stack[sp++] = p;
			}
		}
	}
	free(stack);
	return in;
}

bool sd_rev_is_ancestor(const sd_rev_graph *g, const sd_revision *anc,
                        const sd_revision *rev)
{
	sd_arena *a = sd_arena_new();
	sd_revision *h = (sd_revision *)rev;
	bool *in = sd_rev_graph_closure(g, a, &h, 1);
	bool res = in[anc->topo];

	sd_arena_free(a);
	return res;
}

/* Marks every descendant of r (inclusive) in `down`. */
static bool *descendants(const sd_rev_graph *g, sd_arena *a,
                         const sd_revision *r)
{
	bool *in = sd_arena_alloc(a, g->n + 1);
	size_t i, j;

	/* topological order: one forward sweep suffices */
	in[r->topo] = true;
	for (i = r->topo; i < g->n; i++) {
		sd_revision *x = g->revs[i];
		if (in[i])
			continue;
		for (j = 0; j < x->nparents; j++)
			if (in[x->parent_revs[j]->topo]) {
				in[i] = true;
				break;
			}
	}
	return in;
}

/* Collects the marked revisions in topological (or reverse) order. */
static void collect(sd_rev_path *out, sd_arena *a, const sd_rev_graph *g,
                    const bool *mark, bool reverse, size_t limit)
{
	size_t i;

	out->revs = sd_arena_alloc(a, (g->n + 1) * sizeof(void *));
	out->n = 0;
	for (i = 0; i < g->n && out->n < limit; i++) {
		size_t k = reverse ? g->n - 1 - i : i;
		if (mark[k])
			out->revs[out->n++] = g->revs[k];
	}
}

int sd_rev_range(sd_rev_path *out, sd_arena *a, const sd_rev_graph *g,
                 const sd_revision *from, const sd_revision *to,
                 bool exclusive_from)
{
	bool *up = to ? sd_rev_graph_closure(g, a, (sd_revision *const *)&to, 1)
	              : NULL;
	bool *down = from ? descendants(g, a, from) : NULL;
	bool *mark = sd_arena_alloc(a, g->n + 1);
	size_t i;

	for (i = 0; i < g->n; i++)
		mark[i] = (!up || up[i]) && (!down || down[i]);
	if (from && exclusive_from)
		mark[from->topo] = false;
	collect(out, a, g, mark, false, (size_t)-1);
	out->upgrade = true;
	return SD_OK;
}

/* Parses "+N" / "-N"; returns false when text is not relative. */
static bool parse_relative(const char *text, long *n)
{
	char *end;

	if ((text[0] != '+' && text[0] != '-') || !text[1])
		return false;
	*n = strtol(text + 1, &end, 10);
	return *end == '\0' && *n > 0;
}

int sd_rev_plan(sd_rev_path *out, sd_arena *a, const sd_rev_graph *g,
                sd_revision *const *current, size_t ncurrent,
                const char *target, bool upgrade, sd_error *err)
{
	bool *applied = sd_rev_graph_closure(g, a, current, ncurrent);
	bool *mark = sd_arena_alloc(a, g->n + 1);
	sd_revision *t = NULL;
	long rel = 0;
	size_t i;
	int rc = SD_OK;

	out->upgrade = upgrade;
	if (!target)
		target = upgrade ? "head" : "-1";
	if (upgrade) {
		bool *want;
		size_t limit = (size_t)-1;
		if (strcmp(target, "base") == 0) {
			if (ncurrent)
				return sd_error_set(err, SD_EINPUT,
				                    "'base' is below the current revision: use `schemadiff downgrade base`");
			collect(out, a, g, mark, false, 0);
			return SD_OK;
		}
		if (strcmp(target, "heads") == 0 ||
		    (target[0] == '+' && parse_relative(target, &rel))) {
			if (rel && g->nheads > 1)
				return sd_error_set(err, SD_EINPUT,
				                    "there are %zu heads; '+%ld' is ambiguous (upgrade to a revision, or run `schemadiff merge`)",
				                    g->nheads, rel);
			want = sd_rev_graph_closure(g, a, g->heads, g->nheads);
			if (rel)
				limit = (size_t)rel;
		} else if (strcmp(target, "head") == 0) {
			if (g->nheads > 1)
				return sd_error_set(err, SD_EINPUT,
				                    "there are %zu heads; upgrade to 'heads' or to one revision, or run `schemadiff merge`",
				                    g->nheads);
			want = sd_rev_graph_closure(g, a, g->heads, g->nheads);
		} else if (target[0] == '-' && parse_relative(target, &rel)) {
			return sd_error_set(err, SD_EINPUT,
			                    "'%s' goes down: use `schemadiff downgrade %s`",
			                    target, target);
		} else {
			rc = sd_rev_graph_lookup(&t, g, target, err);
			if (rc)
				return rc;
			/* An applied revision that is not a current head lies
			 * below the database: going there is a downgrade. */
			if (applied[t->topo]) {
				bool is_head = false;
				for (i = 0; i < ncurrent; i++)
					is_head |= current[i] == t;
				if (!is_head)
					return sd_error_set(err, SD_EINPUT,
					                    "revision %s is below the current revision: use `schemadiff downgrade %s`",
					                    t->id, t->id);
			}
			want = sd_rev_graph_closure(g, a, &t, 1);
		}
		for (i = 0; i < g->n; i++)
			mark[i] = want[i] && !applied[i];
		collect(out, a, g, mark, false, limit);
		if (rel && out->n < (size_t)rel)
			return sd_error_set(err, SD_EINPUT,
			                    "cannot go up %ld revisions: only %zu left to apply",
			                    rel, out->n);
		return SD_OK;
	}

	/* Downgrade. */
	if (strcmp(target, "base") == 0) {
		collect(out, a, g, applied, true, (size_t)-1);
		return SD_OK;
	}
	if (target[0] == '-' && parse_relative(target, &rel)) {
		/* Peel the single current head off, rel times. */
		sd_revision **heads = sd_arena_alloc(a, (g->n + 1) * sizeof(void *));
		size_t nh = 0, k;
		bool *still = sd_arena_alloc(a, g->n + 1);
		memcpy(still, applied, g->n);
		for (i = 0; i < ncurrent; i++)
			heads[nh++] = current[i];
		out->revs = sd_arena_alloc(a, (g->n + 1) * sizeof(void *));
		out->n = 0;
		for (k = 0; k < (size_t)rel; k++) {
			sd_revision *h;
			if (nh == 0)
				return sd_error_set(err, SD_EINPUT,
				                    "cannot go down %ld revisions: only %zu applied",
				                    rel, out->n);
			if (nh > 1)
				return sd_error_set(err, SD_EINPUT,
				                    "the database is at %zu heads; '-%ld' is ambiguous: downgrade to a revision id",
				                    nh, rel);
			h = heads[0];
			out->revs[out->n++] = h;
			still[h->topo] = false;
			nh = 0;
			for (i = 0; i < h->nparents; i++) {
				sd_revision *p = h->parent_revs[i];
				size_t c;
				bool other = false;
				for (c = 0; c < p->nchildren; c++)
					if (still[p->children[c]->topo])
						other = true;
				if (!other)
					heads[nh++] = p;
			}
		}
		return SD_OK;
	}
	if (target[0] == '+' && parse_relative(target, &rel))
		return sd_error_set(err, SD_EINPUT,
		                    "'%s' goes up: use `schemadiff upgrade %s`",
		                    target, target);
	if (strcmp(target, "head") == 0 || strcmp(target, "heads") == 0) {
		collect(out, a, g, mark, true, 0);
		return SD_OK;
	}
	rc = sd_rev_graph_lookup(&t, g, target, err);
	if (rc)
		return rc;
	if (!applied[t->topo])
		return sd_error_set(err, SD_EINPUT,
		                    "revision %s is not applied; nothing to downgrade to",
		                    t->id);
	{
		bool *keep = sd_rev_graph_closure(g, a, &t, 1);
		bool *below = descendants(g, a, t);
		for (i = 0; i < g->n; i++)
			mark[i] = applied[i] && below[i] && !keep[i];
	}
	collect(out, a, g, mark, true, (size_t)-1);
	return SD_OK;
}
