/*
 * cmd_merge.c - `merge -m MSG heads | REV REV...`: a revision whose parents
 * are several heads, so the history has one head again.
 */
#include "cli/cli.h"

#include <string.h>

int sd_cmd_merge(sd_cli *cli, int argc, char **argv)
{
	const char *message = NULL;
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &message, NULL},
		{0},
	};
	const char **pos;
	size_t npos, i, k, n = 0;
	sd_rev_graph *g = NULL;
	sd_revision **parents;
	const char *path;
	int rc;

	rc = sd_cli_parse(cli, sd_cli_find_command("merge"), opts, argc, argv,
	                  &pos, &npos);
	if (rc)
		return rc;
	if (!message || !*message)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "merge needs a message: -m \"Merge branches\"");
	if (npos == 0)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "merge needs 'heads' or at least two revisions");
	rc = sd_cli_graph(cli, &g);
	if (rc)
		return rc;
	parents = sd_arena_alloc(cli->arena, (g->n + npos + 1) * sizeof(void *));
	for (i = 0; i < npos; i++) {
		if (strcmp(pos[i], "heads") == 0) {
			for (k = 0; k < g->nheads; k++)
				parents[n++] = g->heads[k];
			continue;
		}
		rc = sd_rev_graph_lookup(&parents[n], g, pos[i], &cli->err);
		if (rc)
			goto done;
		n++;
	}
	/* Drop repeats, and any parent that is an ancestor of another: the
	 * merge would revise it twice over. */
	for (i = 0; i < n; i++)
		for (k = 0; k < n; k++)
			if (i != k && parents[i] && parents[k] &&
			    (parents[i] == parents[k] ||
			     sd_rev_is_ancestor(g, parents[i], parents[k]))) {
				if (parents[i] == parents[k] && i < k)
					parents[k] = NULL;
				else if (parents[i] != parents[k]) {
					rc = sd_error_set(&cli->err, SD_EINPUT,
					                  "%s is an ancestor of %s; merge only heads of separate branches",
					                  parents[i]->id, parents[k]->id);
					goto done;
				}
			}
	for (i = k = 0; i < n; i++)
		if (parents[i])
			parents[k++] = parents[i];
	n = k;
	if (n < 2) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "nothing to merge: need at least two heads (there %s %zu)",
		                  g->nheads == 1 ? "is" : "are", g->nheads);
		goto done;
	}
	rc = sd_cli_write_merge(cli, message, parents, n, &path);
	if (!rc)
		sd_cli_out(cli, "%s", sd_cli_display_path(cli, path));
done:
	sd_rev_graph_free(g);
	return rc;
}
