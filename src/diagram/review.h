/*
 * review.h - the review page of one revision: a self-contained HTML
 * document (inline CSS, no script, no external resource of any kind,
 * a Content-Security-Policy that forbids them) with the revision's header
 * and message, its warnings and the lock each operation takes, the
 * upgrade and downgrade SQL per dialect, highlighted, and its diagram.
 *
 * The caller gathers the content (the CLI replays the revision to get the
 * operations and the diagram); this module only writes it, escaping every
 * piece of it: messages, names, comments, SQL.
 */
#ifndef SD_REVIEW_H
#define SD_REVIEW_H

#include "diagram/diagram.h"
#include "revision/revision.h"

SD_LAYER_HEADER(DIAGRAM);

/* One dialect's SQL of the revision. */
typedef struct sd_review_sql {
	const char *dialect;   /* "sqlite", "postgresql" */
	const char *upgrade;   /* NULL: not available (see note) */
	const char *downgrade;
	const char *note;      /* shown above the SQL, or NULL */
} sd_review_sql;

/* One operation the revision performs (from its replay). */
typedef struct sd_review_op {
	char marker;           /* '+', '-', '~' */
	const char *text;      /* "column users.email" (no marker) */
	sd_op_lock lock;       /* lock.lock NULL: not known */
	bool new_table;        /* on a table this revision creates */
	const char *warning;   /* the op's "-- warning:" text, or NULL */
} sd_review_op;

typedef struct sd_review {
	const sd_revision *rev;
	const char *source_name;  /* the file, as the user names it */
	const sd_review_sql *sql;
	size_t nsql;
	const sd_review_op *ops;
	size_t nops;
	bool ops_known;           /* false: the replay failed (see note) */
	const char *svg;          /* the diagram, or NULL */
	const char *note;         /* why ops or diagram are missing, or NULL */
	const char *c_source;     /* a C revision's source, or NULL */
	const char *generator;    /* "schemadiff 0.1.0" */
} sd_review;

/* Appends the page. */
void sd_review_html(sd_buf *out, const sd_review *r);

/*
 * Appends sql as HTML, escaped, with spans for keywords (class "k"),
 * type names ("t"), string literals ("s"), comments ("c"), quoted and
 * plain identifiers ("i"), numbers and parameters ("n"), read with the
 * quoting rules of dialect ("sqlite", "postgresql"). Line breaks are kept.
 *     SELECT 'it''s' -- x   ->
 *     <span class="k">SELECT</span> <span class="s">'it''s'</span> ...
 */
void sd_sql_highlight(sd_buf *out, const char *sql, const char *dialect);

/*
 * Appends an SVG document (as written by sd_diagram_svg) for inline use in
 * HTML: without its XML declaration, DOCTYPE and comments.
 */
void sd_svg_inline(sd_buf *out, const char *svg);

#endif
