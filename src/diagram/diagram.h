/*
 * diagram.h - entity-relationship diagrams of a schema, or of the change
 * between two schemas, written as Graphviz DOT, Mermaid erDiagram or SVG;
 * and the review page of one revision (review.h builds on this).
 *
 * An sd_diagram is a small graph of its own, made from sd_schema values
 * (and, for a change, the sd_plan between them), so that every writer
 * reads one structure and none of them knows about schemas or plans:
 *
 *   sd_schema [+ sd_plan + before] --sd_diagram_of_*--> sd_diagram
 *        --sd_diagram_around / _changed_only--> (a neighbourhood of it)
 *        --sd_diagram_dot / _mermaid / _svg--> text
 *
 * Nodes have a kind (table, enum; views when they are managed): what a
 * kind looks like lives in one table in build.c (sd_dg_kind_info), so a
 * new kind is one enum value, one entry there and the builder code that
 * makes its nodes. Rows are a table's columns or an enum's labels. Edges
 * are foreign keys (one per constraint) and "uses" links from a column to
 * the enum that is its type.
 *
 * Everything a diagram holds lives in its arena; the strings point into
 * the schemas' arenas too, so those must outlive the diagram.
 *
 * Every writer escapes names, types, comments and change texts for the
 * format it writes: a table called `x<script>alert(1)</script>` is text
 * in every output, never markup.
 */
#ifndef SD_DIAGRAM_H
#define SD_DIAGRAM_H

#include "diff/plan.h"
#include "emit/dialect.h"

SD_LAYER_HEADER(DIAGRAM);

/* What a change did to an object. SAME in a change diagram is muted. */
typedef enum sd_dg_state {
	SD_DG_SAME = 0,
	SD_DG_ADDED,
	SD_DG_DROPPED,
	SD_DG_CHANGED,
} sd_dg_state;

typedef enum sd_dg_kind {
	SD_DG_TABLE = 0,
	SD_DG_ENUM,
	SD_DG__KINDS
} sd_dg_kind;

/* Markers of a row. */
enum {
	SD_DG_PK = 1 << 0, /* in the primary key */
	SD_DG_FK = 1 << 1, /* in a foreign key */
	SD_DG_UQ = 1 << 2, /* in a unique constraint or unique index */
	SD_DG_NN = 1 << 3, /* NOT NULL (and not in the primary key) */
};

typedef struct sd_dg_row {
	const char *name;
	const char *type;    /* portable spelling; NULL for enum labels */
	const char *comment;
	const char *change;  /* what changed, for a CHANGED row */
	unsigned marks;      /* SD_DG_PK | ... */
	sd_dg_state state;
} sd_dg_row;

/* A change of a node that is not one of its rows: an index, a check, a
 * comment, a rename. */
typedef struct sd_dg_note {
	const char *text;    /* "+ index ix_posts_timestamp" */
	sd_dg_state state;
} sd_dg_note;

typedef struct sd_dg_node {
	sd_dg_kind kind;
	const char *ns;      /* PostgreSQL schema, NULL for the default */
	const char *name;
	const char *comment;
	sd_dg_state state;
	sd_dg_row *rows;
	size_t nrows;
	sd_vec notes;        /* sd_dg_note * */
	bool context;        /* shown only as a neighbour of a change */
	size_t index;        /* position in the diagram's nodes */
} sd_dg_node;

typedef enum sd_dg_edge_kind {
	SD_DG_EDGE_FK = 0,   /* foreign key: from the referencing table */
	SD_DG_EDGE_USES,     /* a column whose type is the enum `to` */
} sd_dg_edge_kind;

typedef struct sd_dg_edge {
	sd_dg_edge_kind kind;
	const char *name;    /* constraint name; column name for USES */
	sd_dg_node *from;
	sd_dg_node *to;
	size_t from_row;     /* the first referencing column's row */
	size_t to_row;       /* the first referenced column's row (FK) */
	const char *text;    /* "posts (user_id) -> users (id)" */
	bool optional;       /* a referencing column is nullable: 0 or 1 */
	bool one_to_one;     /* the referencing columns are unique */
	bool identifying;    /* the referencing columns are in the PK */
	sd_dg_state state;
} sd_dg_edge;

typedef struct sd_diagram {
	sd_arena *arena;
	sd_dg_node **nodes;
	size_t nnodes;
	sd_dg_edge **edges;
	size_t nedges;
	bool marked;         /* a change: objects carry their state */
	const char *title;   /* shown above the diagram; may be NULL */
} sd_diagram;

/*
 * What a node kind looks like, for the writers: its name ("table"), the
 * CSS class of its SVG element, whether its rows have types, and the
 * header colour.
 */
typedef struct sd_dg_kind_info {
	const char *name;
	const char *css;
	bool typed_rows;
	const char *header_fill;
	const char *stereotype; /* shown above the name ("«enum»"), or NULL */
} sd_dg_kind_info;

const sd_dg_kind_info *sd_dg_kind_of(sd_dg_kind k);
/*
 * Appends a row's markers separated by sep: "PK FK UQ NN"; Mermaid's keys
 * when mermaid ("PK, FK, UK": UK for unique, no NN, which it lacks).
 */
void sd_dg_marks_format(sd_buf *out, unsigned marks, const char *sep,
                        bool mermaid);
/* "added", "dropped", "changed", "unchanged" (CSS class: "sd-" + it). */
const char *sd_dg_state_name(sd_dg_state s);

/* ---- building ------------------------------------------------------ */

/* The diagram of s, nothing marked. *out: free with sd_diagram_free. */
sd_diagram *sd_diagram_of_schema(const sd_schema *s);

/*
 * The diagram of the change plan makes from before to after: after's
 * objects, plus what plan drops (taken from before), each marked added,
 * dropped, changed or unchanged. plan must have been computed from before
 * to after (sd_diff(before, after)).
 */
sd_diagram *sd_diagram_of_change(const sd_schema *before,
                                 const sd_schema *after,
                                 const sd_plan *plan);

/*
 * Keeps what lies within depth edges of the table `around` ("users" or
 * "billing.orders"), edges followed both ways. SD_EINPUT naming the table
 * (with a suggestion) when the diagram has no such table.
 */
int sd_diagram_around(sd_diagram *d, const char *around, unsigned depth,
                      sd_error *err);

/*
 * Keeps the changed nodes (and the nodes of changed edges) and their direct
 * neighbours, which become context. A diagram with no change keeps
 * nothing.
 */
void sd_diagram_changed_only(sd_diagram *d);

void sd_diagram_free(sd_diagram *d);

/* ---- writing ------------------------------------------------------- */

/* Graphviz DOT, with HTML-like labels; what sd_diagram_svg lays out. */
void sd_diagram_dot(sd_buf *out, const sd_diagram *d);

/*
 * Mermaid erDiagram: one entity block per node, attribute lines
 * `type name [PK, FK, UK] ["comment"]`, one relationship line per foreign
 * key. Names outside Mermaid's identifier characters are spelt with '_'
 * (the real name then goes into the comment); states go into comments.
 */
void sd_diagram_mermaid(sd_buf *out, const sd_diagram *d);

/*
 * SVG laid out and rendered in-process by Graphviz (dot layout, core SVG
 * renderer, linked in; no plugin configuration is read). Elements of
 * added, dropped and changed objects carry the classes sd-added,
 * sd-dropped and sd-changed (tables, enums, foreign keys and each cell of
 * a row). SD_ERUNTIME when Graphviz fails.
 */
int sd_diagram_svg(sd_buf *out, const sd_diagram *d, sd_error *err);

/* ---- escaping ------------------------------------------------------ */

/* How sd_xml_escape treats line breaks and tabs. */
enum {
	SD_XML_KEEP_LINES = 1 << 0, /* keep \n and \t (HTML <pre>, SQL) */
};

/*
 * Appends s as XML/HTML text that is safe in element content and in a
 * quoted attribute: & < > " ' become entities; bytes that are not valid
 * UTF-8, C0 control characters and the non-characters U+FFFE/U+FFFF
 * become U+FFFD (XML cannot carry them at all); \n and \t become spaces
 * unless SD_XML_KEEP_LINES. NULL appends nothing.
 *     "x<script>"  ->  "x&lt;script&gt;"
 */
void sd_xml_escape(sd_buf *out, const char *s, unsigned flags);

#endif
