/*
 * file.c - revision files: header parsing and writing, body sections, ids.
 */
#include "revision/revision.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

bool sd_rev_id_valid(const char *s)
{
	size_t i;

	if (!s)
		return false;
	for (i = 0; i < SD_REV_ID_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return s[SD_REV_ID_LEN] == '\0';
}

int sd_rev_new_id(char out[SD_REV_ID_LEN + 1], sd_error *err)
{
	unsigned char raw[SD_REV_ID_LEN / 2];
	static const char hex[] = "0123456789abcdef";
	size_t i, got = 0;
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd < 0)
		return sd_error_set(err, SD_ERUNTIME, "/dev/urandom: %s",
		                    strerror(errno));
	while (got < sizeof(raw)) {
		ssize_t r = read(fd, raw + got, sizeof(raw) - got);
		if (r <= 0) {
			close(fd);
			return sd_error_set(err, SD_ERUNTIME,
			                    "/dev/urandom: short read");
		}
		got += (size_t)r;
	}
	close(fd);
	for (i = 0; i < sizeof(raw); i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[SD_REV_ID_LEN] = '\0';
	return SD_OK;
}

void sd_rev_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	                 e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/*
 * A section header line: "-- schemadiff:upgrade" or "-- schemadiff:downgrade"
 * alone or followed by a space and attributes. *upgrade tells which, *rest
 * points at the attributes. Leading blanks are allowed.
 */
static bool section_line(const char *line, size_t n, bool *upgrade,
                         const char **rest)
{
	static const char *const kinds[] = {"upgrade", "downgrade"};
	size_t plen = strlen(SD_REV_MARKER_PREFIX), i, k;

	while (n && (*line == ' ' || *line == '\t')) {
		line++;
		n--;
	}
	if (n < plen || strncmp(line, SD_REV_MARKER_PREFIX, plen) != 0)
		return false;
	for (i = 0; i < SD_ARRAY_LEN(kinds); i++) {
		k = strlen(kinds[i]);
		if (n < plen + k || strncmp(line + plen, kinds[i], k) != 0)
			continue;
		if (n > plen + k && line[plen + k] != ' ' &&
		    line[plen + k] != '\t' && line[plen + k] != '\r' &&
		    line[plen + k] != '\n')
			continue;
		if (upgrade)
			*upgrade = i == 0;
		if (rest)
			*rest = line + plen + k;
		return true;
	}
	return false;
}

static const char *const header_keys[] = {
	"revision", "revises", "created", "dialect", "warning", "transaction",
	NULL,
};

/* Parses "a, b" into the parent list; every entry must be a valid id. */
static int parse_parents(sd_revision *r, sd_arena *a, char *v,
                         const char *path, int line, sd_error *err)
{
	sd_vec ids = {0};
	char *save = NULL, *tok;
	size_t i;

	for (tok = strtok_r(v, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *id = trim(tok);
		if (!*id)
			continue;
		if (!sd_rev_id_valid(id))
			return sd_error_add(err, SD_EINPUT, path, line, 0, NULL,
			                    "malformed revision header: bad parent id '%s' (want 12 lowercase hex digits)",
			                    id);
		for (i = 0; i < ids.n; i++)
			if (strcmp(ids.items[i], id) == 0)
				return sd_error_add(err, SD_EINPUT, path, line, 0, NULL,
				                    "malformed revision header: parent '%s' listed twice",
				                    id);
		sd_vec_push(a, &ids, sd_arena_strdup(a, id));
	}
	r->parents = (const char **)ids.items;
	r->nparents = ids.n;
	return SD_OK;
}

void sd_rev_set_dialects(sd_revision *r, sd_arena *a,
                         const char *const *names, size_t n)
{
	sd_buf text = SD_BUF_INIT;
	size_t i;

	memset(&r->dialects, 0, sizeof(r->dialects));
	for (i = 0; i < n; i++) {
		sd_strlist_push(a, &r->dialects, sd_arena_strdup(a, names[i]));
		sd_buf_printf(&text, "%s%s", i ? ", " : "", names[i]);
	}
	r->dialect = n ? sd_arena_strdup(a, sd_buf_cstr(&text)) : NULL;
	sd_buf_free(&text);
}

/* "sqlite, postgresql" into r->dialects (canonical names) and r->dialect;
 * every entry must be a known dialect, listed once. */
static int parse_dialects(sd_revision *r, sd_arena *a, char *v,
                          const char *path, int line, sd_error *err)
{
	sd_vec names = {0};
	char *save = NULL, *tok;
	size_t i;

	for (tok = strtok_r(v, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *name = trim(tok);
		const sd_dialect *d;
		if (!*name)
			continue;
		d = sd_dialect_find(name);
		if (!d)
			return sd_error_add(err, SD_EINPUT, path, line, 0, NULL,
			                    "malformed revision header: unknown dialect '%s' (want sqlite or postgresql)",
			                    name);
		for (i = 0; i < names.n; i++)
			if (strcmp(names.items[i], d->name) == 0)
				return sd_error_add(err, SD_EINPUT, path, line, 0, NULL,
				                    "malformed revision header: dialect '%s' listed twice",
				                    d->name);
		sd_vec_push(a, &names, (void *)d->name);
	}
	sd_rev_set_dialects(r, a, (const char *const *)names.items, names.n);
	return SD_OK;
}

/*
 * Strips the comment prefix of one header line. SQL: "--" then an optional
 * space. C: " * " or "--" inside the leading comment. Returns NULL when the
 * line is not a comment line.
 */
static char *strip_prefix(char *line, sd_rev_format fmt)
{
	char *p = line;

	if (fmt == SD_REV_C) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '*' && p[1] != '/')
			p++;
		else if (p[0] == '-' && p[1] == '-')
			p += 2;
		else if (!*p)
			return p;
		else
			return NULL;
	} else {
		if (p[0] != '-' || p[1] != '-')
			return NULL;
		p += 2;
	}
	if (*p == ' ')
		p++;
	return p;
}

static int bad_header(sd_error *err, const char *path, int line,
                      const char *fmt, ...) SD_PRINTF(4, 5);

/* A malformed header: "path:line: malformed revision header: ...". */
static int bad_header(sd_error *err, const char *path, int line,
                      const char *fmt, ...)
{
	sd_buf msg = SD_BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	sd_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	rc = sd_error_add(err, SD_EINPUT, path, line, 0, NULL,
	                  "malformed revision header: %s", msg.data);
	sd_buf_free(&msg);
	return rc;
}

/*
 * The single-valued header keys may appear once: a second `revision:` line
 * would silently win. Records key in *seen; returns nonzero (with the
 * diagnostic added) for a repeat.
 */
static int once(const char *key, unsigned *seen, const char *path,
                int lineno, sd_error *err)
{
	static const char *const single[] = {"revision", "revises", "created",
	                                     "dialect", "transaction"};
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(single); i++) {
		if (strcmp(key, single[i]) != 0)
			continue;
		if (*seen & (1u << i))
			return bad_header(err, path, lineno,
			                  "'%s:' appears twice", key);
		*seen |= 1u << i;
	}
	return 0;
}

int sd_rev_parse_header(sd_revision *out, sd_arena *a, const char *data,
                        size_t len, const char *path, sd_error *err)
{
	sd_revision r;
	const char *p = data, *end = data + len;
	int lineno = 0, rc = SD_OK;
	bool have_message = false, have_rev = false, have_revises = false;
	bool have_created = false, ended = false, in_comment = false;
	unsigned seen = 0;
	int rev_line = 0;
	sd_rev_format fmt = sd_endswith(path, ".c") ? SD_REV_C : SD_REV_SQL;
	char *line = NULL;

	memset(&r, 0, sizeof(r));
	r.format = fmt;
	r.path = sd_arena_strdup(a, path);
	while (p < end && !ended) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *text, *colon, *key, *val;

		lineno++;
		free(line);
		line = sd_xmalloc(n + 1);
		memcpy(line, p, n);
		line[n] = '\0';
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		p = nl ? nl + 1 : end;

		if (fmt == SD_REV_C) {
			char *t = trim(line);
			if (!in_comment) {
				if (!*t)
					continue;
				if (strncmp(t, "/*", 2) != 0) {
					rc = bad_header(err, path, lineno,
					                "a C revision must start with a /* ... */ header comment");
					goto done;
				}
				in_comment = true;
				memmove(line, t + 2, strlen(t + 2) + 1);
				if (!*trim(line))
					continue;
			}
			if ((text = strstr(line, "*/")) != NULL) {
				*text = '\0';
				ended = true;
				if (!*trim(line))
					break;
			}
		} else {
			char *t = trim(line);
			if (section_line(t, strlen(t), NULL, NULL)) {
				r.body_line = lineno;
				ended = true;
				break;
			}
			if (!*t)
				continue;
		}
		text = strip_prefix(line, fmt);
		if (!text) {
			rc = bad_header(err, path, lineno,
			                "expected a comment line before '%s'",
			                SD_REV_UPGRADE_MARKER);
			goto done;
		}
		text = trim(text);
		if (!have_message) {
			/* The first comment line is the message. */
			r.message = sd_arena_strdup(a, text);
			have_message = true;
			continue;
		}
		if (!*text)
			continue;
		colon = strchr(text, ':');
		if (!colon) {
			rc = bad_header(err, path, lineno,
			                "expected 'key: value', got '%s'",
			                text);
			goto done;
		}
		*colon = '\0';
		key = trim(text);
		val = trim(colon + 1);
		if (once(key, &seen, path, lineno, err)) {
			rc = SD_EINPUT;
			goto done;
		}
		if (strcmp(key, "revision") == 0) {
			if (!sd_rev_id_valid(val)) {
				rc = bad_header(err, path, lineno,
				                "bad revision id '%s' (want 12 lowercase hex digits)",
				                val);
				goto done;
			}
			memcpy(r.id, val, SD_REV_ID_LEN + 1);
			have_rev = true;
			rev_line = lineno;
			r.id_line = lineno;
		} else if (strcmp(key, "revises") == 0) {
			rc = parse_parents(&r, a, val, path, lineno, err);
			if (rc)
				goto done;
			have_revises = true;
			r.parents_line = lineno;
		} else if (strcmp(key, "created") == 0) {
			r.created = sd_arena_strdup(a, val);
			have_created = true;
		} else if (strcmp(key, "dialect") == 0) {
			rc = parse_dialects(&r, a, val, path, lineno, err);
			if (rc)
				goto done;
		} else if (strcmp(key, "warning") == 0) {
			sd_strlist_push(a, &r.warnings, sd_arena_strdup(a, val));
		} else if (strcmp(key, "transaction") == 0) {
			if (strcmp(val, "none") == 0) {
				r.no_transaction = true;
			} else if (strcmp(val, "steps") == 0 && fmt == SD_REV_SQL) {
				r.steps = true;
			} else if (strcmp(val, "steps") == 0) {
				rc = bad_header(err, path, lineno,
				                "'transaction: steps' is for SQL revisions; a C revision runs in one transaction");
				goto done;
			} else if (strcmp(val, "each") != 0 && *val) {
				rc = bad_header(err, path, lineno,
				                "transaction must be 'none' or 'steps', got '%s'",
				                val);
				goto done;
			}
		} else if (fmt == SD_REV_SQL || strchr(key, ' ') == NULL) {
			const char *s = sd_suggest(key, header_keys);
			rc = bad_header(err, path, lineno,
			                "unknown key '%s'",
			                key);
			if (s)
				sd_error_hint(err, "did you mean '%s'?", s);
			goto done;
		}
	}
	if (!ended) {
		rc = sd_error_add(err, SD_EINPUT, path, lineno, 0, NULL,
		                  fmt == SD_REV_C
		                      ? "malformed revision header: the header comment is not closed"
		                      : "malformed revision header: missing '%s' line",
		                  SD_REV_UPGRADE_MARKER);
		goto done;
	}
	if (!have_rev || !have_revises || !have_created) {
		rc = bad_header(err, path, lineno,
		                "missing '%s:' line",
		                !have_rev ? "revision"
		                : !have_revises ? "revises" : "created");
		goto done;
	}
	{
		/* <id>_<slug>.sql: the name and the header must agree, or
		 * prefixes and the header would name different revisions. */
		const char *base = strrchr(path, '/');
		char name_id[SD_REV_ID_LEN + 1];
		base = base ? base + 1 : path;
		if (strlen(base) > SD_REV_ID_LEN && base[SD_REV_ID_LEN] == '_') {
			memcpy(name_id, base, SD_REV_ID_LEN);
			name_id[SD_REV_ID_LEN] = '\0';
			if (sd_rev_id_valid(name_id) &&
			    strcmp(name_id, r.id) != 0) {
				rc = sd_error_add(err, SD_EINPUT, path,
				                  rev_line, 0, NULL,
				                  "malformed revision header: revision %s does not match the file name (%s)",
				                  r.id, name_id);
				goto done;
			}
		}
	}
	*out = r;
done:
	free(line);
	return rc;
}

int sd_rev_read_header(sd_revision *out, sd_arena *a, const char *path,
                       sd_error *err)
{
	FILE *f = fopen(path, "r");
	sd_buf head = SD_BUF_INIT;
	char line[4096];
	bool is_c = sd_endswith(path, ".c");
	int rc;

	if (!f)
		return sd_error_add(err, SD_EINPUT, path, 0, 0, NULL,
		                    "cannot read revision: %s", strerror(errno));
	/* Only the header: stop at the upgrade marker (or the end of the
	 * leading comment of a C file), never read the body. */
	while (fgets(line, sizeof(line), f)) {
		sd_buf_put(&head, line);
		if (!is_c && section_line(line, strlen(line), NULL, NULL))
			break;
		if (is_c && strstr(line, "*/"))
			break;
	}
	fclose(f);
	rc = sd_rev_parse_header(out, a, sd_buf_cstr(&head), head.len, path, err);
	sd_buf_free(&head);
	return rc;
}

/* Parses one section header line's attributes into *dialect. */
static int section_attrs(const char **dialect, const sd_revision *r,
                         const char *rest, int line, sd_error *err)
{
	char buf[256];
	char *save = NULL, *tok;
	size_t n = strcspn(rest, "\r\n");

	*dialect = NULL;
	if (n >= sizeof(buf))
		return sd_error_add(err, SD_EINPUT, r->path, line, 0, NULL,
		                    "section header line too long");
	memcpy(buf, rest, n);
	buf[n] = '\0';
	for (tok = strtok_r(buf, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		const char *name = tok;
		const sd_dialect *d;
		if (eq) {
			*eq = '\0';
			if (strcmp(tok, "dialect") != 0)
				return sd_error_add(err, SD_EINPUT, r->path, line, 0, NULL,
				                    "unknown section attribute '%s' (a section names its dialect: sqlite or postgresql)",
				                    tok);
			name = eq + 1;
		}
		d = sd_dialect_find(name);
		if (!d)
			return sd_error_add(err, SD_EINPUT, r->path, line, 0, NULL,
			                    "unknown dialect '%s' in a section header (want sqlite or postgresql)",
			                    name);
		if (*dialect)
			return sd_error_add(err, SD_EINPUT, r->path, line, 0, NULL,
			                    "a section names one dialect");
		if (r->dialects.n && !sd_strlist_contains(&r->dialects, d->name))
			return sd_error_add(err, SD_EINPUT, r->path, line, 0, NULL,
			                    "a %s section in a revision whose header says 'dialect: %s'",
			                    d->name, r->dialect);
		*dialect = d->name;
	}
	return SD_OK;
}

int sd_rev_parse_sections(sd_rev_section **out, size_t *nout, sd_arena *a,
                          const sd_revision *r, const char *data,
                          sd_error *err)
{
	sd_vec secs = {0};
	const char *p = data, *text_start = NULL;
	sd_rev_section *cur = NULL;
	int line = 0;
	size_t i, k;

	*out = NULL;
	*nout = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *rest;
		bool upgrade;
		line++;
		if (section_line(p, n, &upgrade, &rest)) {
			sd_rev_section *s = sd_arena_alloc(a, sizeof(*s));
			int rc;
			if (cur)
				cur->text = sd_arena_strndup(a, text_start,
				                             (size_t)(p - text_start));
			rc = section_attrs(&s->dialect, r, rest, line, err);
			if (rc)
				return rc;
			s->upgrade = upgrade;
			s->marker_line = line;
			s->first_line = line + 1;
			for (i = 0; i < secs.n; i++) {
				const sd_rev_section *o = secs.items[i];
				if ((o->dialect == NULL) != (s->dialect == NULL))
					return sd_error_add(err, SD_EINPUT, r->path, line, 0, NULL,
					                    "sections must all name a dialect or none (line %d does not)",
					                    o->dialect ? line : o->marker_line);
				if (o->upgrade == s->upgrade &&
				    sd_streq(o->dialect, s->dialect))
					return sd_error_add(err, SD_EINPUT, r->path, line, 0, NULL,
					                    "a second %s section%s%s (the first is at line %d)",
					                    upgrade ? "upgrade" : "downgrade",
					                    s->dialect ? " for " : "",
					                    s->dialect ? s->dialect : "",
					                    o->marker_line);
			}
			sd_vec_push(a, &secs, s);
			cur = s;
			text_start = nl ? nl + 1 : p + n;
		}
		p = nl ? nl + 1 : p + n;
	}
	if (cur)
		cur->text = sd_arena_strndup(a, text_start, (size_t)(p - text_start));
	if (!secs.n)
		return sd_error_add(err, SD_EINPUT, r->path, 0, 0, NULL,
		                    "missing '%s' section", SD_REV_UPGRADE_MARKER);
	/* every upgrade has its downgrade, and the other way round */
	for (i = 0; i < secs.n; i++) {
		const sd_rev_section *s = secs.items[i];
		bool paired = false;
		for (k = 0; k < secs.n; k++) {
			const sd_rev_section *o = secs.items[k];
			if (o->upgrade != s->upgrade && sd_streq(o->dialect, s->dialect))
				paired = true;
		}
		if (!paired)
			return sd_error_add(err, SD_EINPUT, r->path, s->marker_line, 0, NULL,
			                    "missing '%s%s%s' section",
			                    s->upgrade ? SD_REV_DOWNGRADE_MARKER
			                               : SD_REV_UPGRADE_MARKER,
			                    s->dialect ? " " : "",
			                    s->dialect ? s->dialect : "");
	}
	*out = sd_arena_alloc(a, secs.n * sizeof(sd_rev_section));
	for (i = 0; i < secs.n; i++)
		(*out)[i] = *(sd_rev_section *)secs.items[i];
	*nout = secs.n;
	return SD_OK;
}

bool sd_rev_sections_have(const sd_revision *r, const sd_rev_section *s,
                          size_t n, const char *dialect)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i].dialect && strcmp(s[i].dialect, dialect) == 0)
			return true;
	if (n && s[0].dialect)
		return false;
	/* unmarked (or a C revision): the header's dialects, or any */
	return !r->dialects.n || sd_strlist_contains(&r->dialects, dialect);
}

/* "revision X is written for sqlite and has no section for postgresql" */
static int no_section(const sd_revision *r, const sd_rev_section *s,
                      size_t n, const char *dialect, sd_error *err)
{
	sd_buf has = SD_BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		if (s[i].upgrade && s[i].dialect)
			sd_buf_printf(&has, "%s%s", has.len ? ", " : "", s[i].dialect);
	if (!has.len && r->dialect)
		sd_buf_put(&has, r->dialect);
	rc = sd_error_add(err, SD_EINPUT, r->path, r->body_line, 0, NULL,
	                  "revision %s is written for %s and has no %s for %s",
	                  r->id, has.len ? sd_buf_cstr(&has) : "no dialect",
	                  r->format == SD_REV_C ? "'dialect:' entry" : "section",
	                  dialect);
	sd_buf_free(&has);
	return rc;
}

int sd_rev_read_body_for(char **up, char **down, int *up_line,
                         int *down_line, const sd_revision *r,
                         const char *dialect, sd_error *err)
{
	sd_arena *a = sd_arena_new();
	sd_rev_section *secs;
	const sd_rev_section *u = NULL, *d = NULL;
	char *data = NULL;
	size_t len = 0, n, i;
	int rc;

	rc = sd_file_read(&data, &len, r->path, err);
	if (!rc)
		rc = sd_rev_parse_sections(&secs, &n, a, r, data, err);
	if (rc)
		goto done;
	if (!dialect && secs[0].dialect) {
		for (i = 1; i < n; i++)
			if (strcmp(secs[i].dialect, secs[0].dialect) != 0) {
				rc = sd_error_add(err, SD_EINPUT, r->path, secs[i].marker_line, 0, NULL,
				                  "revision %s has sections for several dialects (%s); name one",
				                  r->id, r->dialect ? r->dialect : "");
				goto done;
			}
		dialect = secs[0].dialect;
	}
	if (dialect && !sd_rev_sections_have(r, secs, n, dialect)) {
		rc = no_section(r, secs, n, dialect, err);
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (secs[i].dialect && strcmp(secs[i].dialect, dialect) != 0)
			continue;
		if (secs[i].upgrade)
			u = &secs[i];
		else
			d = &secs[i];
	}
	*up = sd_xstrdup(u->text);
	*down = sd_xstrdup(d->text);
	if (up_line)
		*up_line = u->first_line;
	if (down_line)
		*down_line = d->first_line;
done:
	free(data);
	sd_arena_free(a);
	return rc;
}

int sd_rev_read_body(char **up, char **down, int *up_line, int *down_line,
                     const sd_revision *r, sd_error *err)
{
	return sd_rev_read_body_for(up, down, up_line, down_line, r, NULL, err);
}

int sd_rev_check_dialect(const sd_revision *r, const char *dialect,
                         sd_error *err)
{
	char *up = NULL, *down = NULL;
	int rc;

	if (r->format == SD_REV_C)
		return sd_rev_sections_have(r, NULL, 0, dialect)
		           ? SD_OK
		           : no_section(r, NULL, 0, dialect, err);
	rc = sd_rev_read_body_for(&up, &down, NULL, NULL, r, dialect, err);
	free(up);
	free(down);
	return rc;
}

void sd_rev_format_header(sd_buf *out, const sd_revision *r,
                          sd_rev_format format)
{
	const char *pre = format == SD_REV_C ? " * " : "-- ";
	const char *bare = format == SD_REV_C ? " *" : "--";
	size_t i;

	if (format == SD_REV_C)
		sd_buf_put(out, "/*\n");
	sd_buf_printf(out, "%s%s\n%s\n", pre, r->message ? r->message : "",
	              bare);
	sd_buf_printf(out, "%srevision: %s\n", pre, r->id);
	sd_buf_printf(out, "%srevises:", pre);
	for (i = 0; i < r->nparents; i++)
		sd_buf_printf(out, "%s%s", i ? ", " : " ", r->parents[i]);
	sd_buf_putc(out, '\n');
	sd_buf_printf(out, "%screated: %s\n", pre, r->created);
	sd_buf_printf(out, "%sdialect: %s\n", pre,
	              r->dialect ? r->dialect : "");
	for (i = 0; i < r->warnings.n; i++)
		sd_buf_printf(out, "%swarning: %s\n", pre, r->warnings.items[i]);
	if (r->no_transaction)
		sd_buf_printf(out, "%stransaction: none\n", pre);
	else if (r->steps)
		sd_buf_printf(out, "%stransaction: steps\n", pre);
	if (format == SD_REV_C)
		sd_buf_put(out, " */\n");
	sd_buf_putc(out, '\n');
}

/* Ensures a section ends with exactly one newline (or is empty). */
static void put_section(sd_buf *out, const char *sql)
{
	size_t n = sql ? strlen(sql) : 0;

	while (n && (sql[n - 1] == '\n' || sql[n - 1] == ' '))
		n--;
	if (n) {
		sd_buf_putn(out, sql, n);
		sd_buf_putc(out, '\n');
	}
}

int sd_rev_write_file(const char **path_out, sd_arena *a, const char *dir,
                      const sd_revision *r, sd_rev_format format,
                      const sd_buf *text, sd_error *err)
{
	sd_buf slug = SD_BUF_INIT;
	const char *path;
	int rc;

	sd_slugify(&slug, r->message ? r->message : "", SD_REV_SLUG_MAX);
	path = sd_path_join(a, dir,
	                    sd_arena_printf(a, "%s_%s.%s", r->id,
	                                    slug.len ? sd_buf_cstr(&slug)
	                                             : "revision",
	                                    format == SD_REV_C ? "c" : "sql"));
	rc = sd_mkdir_p(dir, err);
	if (!rc)
		rc = sd_file_write_atomic(path, sd_buf_cstr(text), text->len,
		                          err);
	if (!rc)
		*path_out = path;
	sd_buf_free(&slug);
	return rc;
}

int sd_rev_write_sql(const char **path_out, sd_arena *a, const char *dir,
                     const sd_revision *r, const char *up, const char *down,
                     sd_error *err)
{
	sd_revision one = *r;

	memset(&one.dialects, 0, sizeof(one.dialects));
	return sd_rev_write_sql_dialects(path_out, a, dir, &one, &up, &down,
	                                 err);
}

int sd_rev_write_sql_dialects(const char **path_out, sd_arena *a,
                              const char *dir, const sd_revision *r,
                              const char *const *ups,
                              const char *const *downs, sd_error *err)
{
	sd_buf text = SD_BUF_INIT;
	size_t i, n = r->dialects.n ? r->dialects.n : 1;
	int rc;

	sd_rev_format_header(&text, r, SD_REV_SQL);
	for (i = 0; i < n; i++) {
		const char *name = r->dialects.n > 1 ? r->dialects.items[i] : NULL;
		if (i)
			sd_buf_putc(&text, '\n');
		sd_buf_printf(&text, SD_REV_UPGRADE_MARKER "%s%s\n",
		              name ? " " : "", name ? name : "");
		put_section(&text, ups[i]);
		sd_buf_printf(&text, "\n" SD_REV_DOWNGRADE_MARKER "%s%s\n",
		              name ? " " : "", name ? name : "");
		put_section(&text, downs[i]);
	}
	rc = sd_rev_write_file(path_out, a, dir, r, SD_REV_SQL, &text, err);
	sd_buf_free(&text);
	return rc;
}
