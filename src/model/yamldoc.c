/*
 * yamldoc.c - libyaml position index and libcyaml log capture.
 *
 * libcyaml 1.3.1 logs a failure as one error line followed by a backtrace,
 * innermost frame first, each frame its own log call:
 *     Load: Unexpected key: nulable
 *     Load: Backtrace:
 *       in mapping (line: 7, column: 15)
 *       in sequence entry '2' (line: 6, column: 9)
 *       in mapping field 'columns' (line: 5, column: 7)
 *       in sequence entry '1' (line: 2, column: 5)
 *       in mapping field 'tables' (line: 2, column: 3)
 * Entry numbers count from 1, and the line of a frame is that of the last
 * event read, not of the offending key. So the backtrace is turned into a
 * path ("tables[0].columns[1]") and the exact position comes from the libyaml
 * index of the same file.
 */
#include "model/yamldoc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Position index                                                      */
/* ------------------------------------------------------------------ */

static void index_node(sd_ydoc *d, yaml_node_t *n, const char *path, int depth)
{
	if (!n || depth > 64)
		return;
	sd_map_put(d->index, path, n);
	if (n->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *p;
		for (p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
			yaml_node_t *v = yaml_document_get_node(&d->doc, p->value);
			char *child;
			if (!k || k->type != YAML_SCALAR_NODE)
				continue;
			child = *path ? sd_arena_printf(d->arena, "%s.%s", path,
			                                (char *)k->data.scalar.value)
			              : sd_arena_strdup(d->arena,
			                                (char *)k->data.scalar.value);
			/* first occurrence wins, as it does for libcyaml */
			if (!sd_map_get(d->index, child))
				index_node(d, v, child, depth + 1);
		}
	} else if (n->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *it;
		size_t i = 0;
		for (it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++, i++)
			index_node(d, yaml_document_get_node(&d->doc, *it),
			           sd_arena_printf(d->arena, "%s[%zu]", path, i),
			           depth + 1);
	}
}

int sd_ydoc_parse(sd_ydoc *d, sd_arena *a, const char *data, size_t len,
                  const char *path, sd_error *err)
{
	yaml_parser_t parser;
	int rc = SD_OK;

	memset(d, 0, sizeof(*d));
	d->path = path;
	d->arena = a;
	d->index = sd_map_new(a, 64);
	if (!yaml_parser_initialize(&parser))
		return sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                    "cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data,
	                             len);
	if (!yaml_parser_load(&parser, &d->doc)) {
		const char *problem = parser.problem ? parser.problem
		                                     : "unreadable YAML";
		if (parser.context)
			rc = sd_error_add(err, SD_EINPUT, path,
			                  (int)parser.problem_mark.line + 1,
			                  (int)parser.problem_mark.column + 1, NULL,
			                  "YAML syntax error: %s %s", parser.context,
			                  problem);
		else
			rc = sd_error_add(err, SD_EINPUT, path,
			                  (int)parser.problem_mark.line + 1,
			                  (int)parser.problem_mark.column + 1, NULL,
			                  "YAML syntax error: %s", problem);
		goto done;
	}
	d->loaded = true;
	index_node(d, yaml_document_get_root_node(&d->doc), "", 0);
done:
	yaml_parser_delete(&parser);
	return rc;
}

void sd_ydoc_fini(sd_ydoc *d)
{
	if (d && d->loaded) {
		yaml_document_delete(&d->doc);
		d->loaded = false;
	}
}

yaml_node_t *sd_ydoc_node(const sd_ydoc *d, const char *path)
{
	if (!d || !d->index)
		return NULL;
	return sd_map_get(d->index, path);
}

int sd_ydoc_line(const sd_ydoc *d, const char *path)
{
	char *p = sd_xstrdup(path);
	int line = 0;

	for (;;) {
		yaml_node_t *n = sd_ydoc_node(d, p);
		char *cut;
		if (n) {
			line = (int)n->start_mark.line + 1;
			break;
		}
		if (!*p)
			break;
		/* drop the last component: ".key" or "[i]" */
		cut = p + strlen(p);
		while (cut > p && cut[-1] != '.' && cut[-1] != '[')
			cut--;
		if (cut > p)
			cut--;
		*cut = '\0';
	}
	free(p);
	return line;
}

yaml_node_t *sd_ydoc_key(const sd_ydoc *d, const char *path, const char *key,
                         int nth)
{
	yaml_node_t *m = sd_ydoc_node(d, path);
	yaml_node_pair_t *p;

	if (!m || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(
			(yaml_document_t *)&d->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE &&
		    strcmp((char *)k->data.scalar.value, key) == 0 && nth-- == 0)
			return k;
	}
	return NULL;
}

char *sd_ydoc_where(sd_arena *a, const char *path)
{
	sd_buf b = SD_BUF_INIT;
	char *out;

	sd_buf_put(&b, "");
	for (; *path; path++) {
		sd_buf_putc(&b, *path);
		if (*path == '[') {
			while (*path && *path != ']')
				path++;
			sd_buf_putc(&b, ']');
			if (!*path)
				break;
		}
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static const char *scalar_at(const sd_ydoc *d, const char *path)
{
	yaml_node_t *n = sd_ydoc_node(d, path);

	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

char *sd_ydoc_object(const sd_ydoc *d, const char *path)
{
	sd_buf prefix = SD_BUF_INIT, obj = SD_BUF_INIT;
	char *out = NULL;
	const char *p;

	/* every prefix that ends in "]" names a list entry */
	for (p = path; *p; p++) {
		const char *name, *schema;
		if (*p != ']')
			continue;
		sd_buf_truncate(&prefix, 0);
		sd_buf_putn(&prefix, path, (size_t)(p - path + 1));
		sd_buf_put(&prefix, ".name");
		name = scalar_at(d, prefix.data);
		if (!name || !*name)
			continue;
		sd_buf_truncate(&prefix, (size_t)(p - path + 1));
		sd_buf_put(&prefix, ".schema");
		schema = scalar_at(d, prefix.data);
		if (obj.len)
			sd_buf_putc(&obj, '.');
		if (schema && *schema && strcmp(schema, "public") != 0)
			sd_buf_printf(&obj, "%s.", schema);
		sd_buf_put(&obj, name);
	}
	if (obj.len)
		out = sd_arena_strdup(d->arena, obj.data);
	sd_buf_free(&prefix);
	sd_buf_free(&obj);
	return out;
}

const char *const *sd_keys_for(const sd_model_keys *table, const char *where)
{
	size_t i;

	for (i = 0; table && table[i].where; i++)
		if (strcmp(table[i].where, where) == 0)
			return table[i].keys;
	return NULL;
}

/* Reports every key of the mapping n (at where) that keys does not list,
 * then descends; skip is a key node already reported. */
static void walk_unknown(const sd_ydoc *d, yaml_node_t *n, const char *path,
                         const sd_model_keys *keys, const yaml_node_t *skip,
                         sd_error *err, int depth)
{
	yaml_document_t *doc = (yaml_document_t *)&d->doc;
	const char *const *valid;

	if (!n || depth > 64)
		return;
	if (n->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *it;
		size_t i = 0;
		for (it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++, i++) {
			char *child = sd_arena_printf(d->arena, "%s[%zu]", path,
			                              i);
			walk_unknown(d, yaml_document_get_node(doc, *it), child,
			             keys, skip, err, depth + 1);
		}
		return;
	}
	if (n->type != YAML_MAPPING_NODE)
		return;
	valid = sd_keys_for(keys, sd_ydoc_where(d->arena, path));
	if (!valid)
		return;
	{
		yaml_node_pair_t *p;
		for (p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			const char *key;
			size_t i;
			bool known = false;
			if (!k || k->type != YAML_SCALAR_NODE)
				continue;
			key = (const char *)k->data.scalar.value;
			for (i = 0; valid[i]; i++)
				if (strcmp(valid[i], key) == 0)
					known = true;
			if (known) {
				walk_unknown(d, yaml_document_get_node(doc, p->value),
				             *path ? sd_arena_printf(d->arena, "%s.%s",
				                                     path, key)
				                   : sd_arena_strdup(d->arena, key),
				             keys, skip, err, depth + 1);
				continue;
			}
			if (k == skip)
				continue;
			sd_error_add(err, SD_EINPUT, d->path,
			             (int)k->start_mark.line + 1,
			             (int)k->start_mark.column + 1,
			             sd_ydoc_object(d, path), "unknown key '%s'",
			             key);
			{
				const char *sugg = sd_suggest(key, valid);
				if (sugg)
					sd_error_hint(err, "did you mean '%s'?",
					              sugg);
			}
		}
	}
}

void sd_ydoc_unknown_keys(const sd_ydoc *d, const sd_model_keys *keys,
                          int skip_line, int skip_col, sd_error *err)
{
	yaml_node_t *skip = NULL;
	size_t i;

	/* find the key node libcyaml already reported, by position */
	for (i = 1; skip_line > 0; i++) {
		yaml_node_t *n = yaml_document_get_node(
			(yaml_document_t *)&d->doc, (int)i);
		if (!n)
			break;
		if (n->type == YAML_SCALAR_NODE &&
		    (int)n->start_mark.line + 1 == skip_line &&
		    (int)n->start_mark.column + 1 == skip_col) {
			skip = n;
			break;
		}
	}
	walk_unknown(d, sd_ydoc_node(d, ""), "", keys, skip, err, 0);
}

/* ------------------------------------------------------------------ */
/* libcyaml log capture                                                */
/* ------------------------------------------------------------------ */

void sd_cyaml_log_free(sd_cyaml_log *log)
{
	int i;

	free(log->message);
	free(log->last_field);
	for (i = 0; i < log->nframes; i++)
		free(log->frames[i].name);
	sd_buf_free(&log->path);
	memset(log, 0, sizeof(*log));
}

static void parse_frame(sd_cyaml_log *log, const char *s)
{
	struct sd_cyaml_frame *f;
	const char *lp;
	char name[256];

	if (log->nframes >= (int)SD_ARRAY_LEN(log->frames))
		return;
	f = &log->frames[log->nframes];
	memset(f, 0, sizeof(*f));
	while (*s == ' ')
		s++;
	if (sscanf(s, "in mapping field '%255[^']'", name) == 1) {
		f->kind = 0;
		f->name = sd_xstrdup(name);
	} else if (sscanf(s, "in sequence entry '%d'", &f->entry) == 1) {
		f->kind = 1;
	} else if (sd_startswith(s, "in ")) {
		f->kind = 2;
	} else {
		return;
	}
	lp = strstr(s, "(line: ");
	if (lp)
		sscanf(lp, "(line: %d, column: %d)", &f->line, &f->col);
	log->nframes++;
}

void sd_cyaml_log_fn(cyaml_log_t level, void *ctx, const char *fmt,
                     va_list args)
{
	sd_cyaml_log *log = ctx;
	sd_buf b = SD_BUF_INIT;
	const char *s;

	if (level < CYAML_LOG_ERROR || log->done)
		return;
	sd_buf_vprintf(&b, fmt, args);
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		sd_buf_truncate(&b, b.len - 1);
	s = sd_buf_cstr(&b);
	if (sd_startswith(s, "Load: "))
		s += 6;
	if (log->in_backtrace) {
		if (sd_startswith(s, "  in ") || sd_startswith(s, "in "))
			parse_frame(log, s);
		else if (log->message)
			log->done = true;
	} else if (strcmp(s, "Backtrace:") == 0) {
		log->in_backtrace = true;
	} else if (!log->message) {
		log->message = sd_xstrdup(s);
	}
	sd_buf_free(&b);
}

void sd_cyaml_config(cyaml_config_t *cfg, sd_cyaml_log *log)
{
	memset(cfg, 0, sizeof(*cfg));
	memset(log, 0, sizeof(*log));
	cfg->log_fn = sd_cyaml_log_fn;
	cfg->log_ctx = log;
	cfg->mem_fn = cyaml_mem;
	cfg->log_level = CYAML_LOG_ERROR;
	cfg->flags = CYAML_CFG_DEFAULT;
}

/* Path of the backtrace, outermost first; with_innermost_field false drops
 * a trailing mapping-field frame (errors about the mapping itself). */
static void frames_path(sd_buf *out, const sd_cyaml_log *log,
                        bool with_innermost_field)
{
	int i, last = 0;

	if (!with_innermost_field && log->nframes &&
	    log->frames[0].kind == 0)
		last = 1;
	sd_buf_put(out, "");
	for (i = log->nframes - 1; i >= last; i--) {
		const struct sd_cyaml_frame *f = &log->frames[i];
		if (f->kind == 0)
			sd_buf_printf(out, "%s%s", out->len ? "." : "", f->name);
		else if (f->kind == 1)
			sd_buf_printf(out, "[%d]", f->entry > 0 ? f->entry - 1 : 0);
	}
}

static const char *expected_what(const char *msg)
{
	if (strstr(msg, "Expecting SEQUENCE"))
		return "a list";
	if (strstr(msg, "Expecting MAPPING"))
		return "a mapping";
	return "a single value";
}

int sd_cyaml_report(sd_error *err, const sd_cyaml_log *log, cyaml_err_t rc,
                    const sd_ydoc *d, const sd_model_keys *keys)
{
	sd_buf vpath = SD_BUF_INIT, mpath = SD_BUF_INIT;
	const char *msg = log->message ? log->message : cyaml_strerror(rc);
	const char *field = log->nframes && log->frames[0].kind == 0
	                        ? log->frames[0].name
	                        : NULL;
	char arg[256] = "";
	int line = log->nframes ? log->frames[0].line : 0;
	int col = log->nframes ? log->frames[0].col : 0;
	char *object;
	int code;

	frames_path(&vpath, log, true);
	frames_path(&mpath, log, false);
	if (sscanf(msg, "Unexpected key: %255[^\n]", arg) == 1) {
		yaml_node_t *k = sd_ydoc_key(d, mpath.data, arg, 0);
		const char *const *valid =
			sd_keys_for(keys, sd_ydoc_where(d->arena, mpath.data));
		const char *sugg = valid ? sd_suggest(arg, valid) : NULL;
		if (k) {
			line = (int)k->start_mark.line + 1;
			col = (int)k->start_mark.column + 1;
		}
		object = sd_ydoc_object(d, mpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "unknown key '%s'", arg);
		if (sugg)
			sd_error_hint(err, "did you mean '%s'?", sugg);
		else if (strchr(arg, ')'))
			/* {type: numeric(10, 2)}: the comma split the value */
			sd_error_hint(err, "quote a value that contains a "
			                   "comma inside {...}");
	} else if (sscanf(msg, "Missing required mapping field: %255[^\n]",
	                  arg) == 1) {
		yaml_node_t *m = sd_ydoc_node(d, mpath.data);
		if (m) {
			line = (int)m->start_mark.line + 1;
			col = (int)m->start_mark.column + 1;
		}
		object = sd_ydoc_object(d, mpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "missing required key '%s'", arg);
	} else if (sscanf(msg, "Mapping field already seen: %255[^\n]", arg) ==
	           1) {
		yaml_node_t *k = sd_ydoc_key(d, mpath.data, arg, 1);
		if (k) {
			line = (int)k->start_mark.line + 1;
			col = (int)k->start_mark.column + 1;
		}
		object = sd_ydoc_object(d, mpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "key '%s' appears twice", arg);
	} else if (sscanf(msg, "Invalid ENUM value: %255[^\n]", arg) == 1) {
		/* booleans are strict enums: see the loaders' schemas */
		yaml_node_t *v = sd_ydoc_node(d, vpath.data);
		if (v) {
			line = (int)v->start_mark.line + 1;
			col = (int)v->start_mark.column + 1;
		}
		object = sd_ydoc_object(d, vpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "'%s' must be true or false, not '%s'",
		                    field ? field : "value", arg);
	} else if (sd_startswith(msg, "Expecting ")) {
		yaml_node_t *v = sd_ydoc_node(d, vpath.data);
		if (v) {
			line = (int)v->start_mark.line + 1;
			col = (int)v->start_mark.column + 1;
		}
		object = sd_ydoc_object(d, vpath.data);
		if (field)
			code = sd_error_add(err, SD_EINPUT, d->path, line, col,
			                    object, "'%s' must be %s", field,
			                    expected_what(msg));
		else if (!*vpath.data)
			code = sd_error_add(err, SD_EINPUT, d->path,
			                    line ? line : 1, col, object,
			                    "the document must be a mapping of "
			                    "keys");
		else
			code = sd_error_add(err, SD_EINPUT, d->path, line, col,
			                    object, "each entry must be %s",
			                    expected_what(msg));
	} else {
		const char *m = msg;
		if (sd_startswith(m, "libyaml: "))
			m += 9;
		object = sd_ydoc_object(d, vpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "%s", m);
	}
	sd_buf_free(&vpath);
	sd_buf_free(&mpath);
	return code;
}

/* ------------------------------------------------------------------ */
/* Naming convention                                                   */
/* ------------------------------------------------------------------ */

static const char *const placeholders[] = {
	"table", "columns", "column_0_name", "ref_table", "constraint_name",
	NULL};

const char *sd_naming_check(sd_arena *a, const char *tmpl)
{
	const char *p = tmpl;

	while ((p = strstr(p, "%(")) != NULL) {
		const char *end = strchr(p, ')');
		size_t i;
		bool ok = false;
		if (!end)
			return sd_arena_strdup(a, p);
		for (i = 0; placeholders[i]; i++)
			if (strlen(placeholders[i]) == (size_t)(end - p - 2) &&
			    strncmp(p + 2, placeholders[i],
			            (size_t)(end - p - 2)) == 0)
				ok = true;
		if (!ok)
			return sd_arena_strndup(a, p, (size_t)(end - p + 1));
		p = end + 1;
	}
	return NULL;
}

char *sd_naming_expand(sd_arena *a, const char *tmpl, const char *table,
                       const sd_strlist *columns, const char *ref_table,
                       const char *constraint_name)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = tmpl;
	char *out;
	size_t i;

	while (*p) {
		const char *end;
		if (p[0] != '%' || p[1] != '(' || !(end = strchr(p, ')'))) {
			sd_buf_putc(&b, *p++);
			continue;
		}
		if (sd_startswith(p, "%(table)")) {
			sd_buf_put(&b, table ? table : "");
		} else if (sd_startswith(p, "%(columns)")) {
			for (i = 0; columns && i < columns->n; i++)
				sd_buf_printf(&b, "%s%s", i ? "_" : "",
				              columns->items[i]);
		} else if (sd_startswith(p, "%(column_0_name)")) {
			if (columns && columns->n)
				sd_buf_put(&b, columns->items[0]);
		} else if (sd_startswith(p, "%(ref_table)")) {
			sd_buf_put(&b, ref_table ? ref_table : "");
		} else if (sd_startswith(p, "%(constraint_name)")) {
			sd_buf_put(&b, constraint_name ? constraint_name : "");
		} else {
			sd_buf_putn(&b, p, (size_t)(end - p + 1));
		}
		p = end + 1;
	}
	if (b.len > SD_MAX_IDENT) {
		/* PostgreSQL would silently truncate; cut it ourselves and
		 * keep names distinct with a hash of the full name. */
		char hex[65];
		sd_sha256_hex(b.data, b.len, hex);
		sd_buf_truncate(&b, SD_MAX_IDENT - 9);
		sd_buf_printf(&b, "_%.8s", hex);
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}
