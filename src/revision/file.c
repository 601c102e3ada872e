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
			if (strcmp(t, SD_REV_UPGRADE_MARKER) == 0) {
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
			if (*val && !sd_dialect_find(val)) {
				rc = bad_header(err, path, lineno,
				                "unknown dialect '%s' (want sqlite or postgresql)",
				                val);
				goto done;
			}
			r.dialect = *val ? sd_arena_strdup(a, val) : NULL;
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
		if (!is_c && sd_startswith(line, SD_REV_UPGRADE_MARKER))
			break;
		if (is_c && strstr(line, "*/"))
			break;
	}
	fclose(f);
	rc = sd_rev_parse_header(out, a, sd_buf_cstr(&head), head.len, path, err);
	sd_buf_free(&head);
	return rc;
}

int sd_rev_read_body(char **up, char **down, int *up_line, int *down_line,
                     const sd_revision *r, sd_error *err)
{
	char *data = NULL;
	size_t len = 0;
	const char *u, *d, *ustart;
	int rc, line = 1;
	const char *p;

	rc = sd_file_read(&data, &len, r->path, err);
	if (rc)
		return rc;
	u = strstr(data, SD_REV_UPGRADE_MARKER);
	d = u ? strstr(u, SD_REV_DOWNGRADE_MARKER) : NULL;
	if (!u || !d) {
		rc = sd_error_add(err, SD_EINPUT, r->path, 0, 0, NULL,
		                  "missing '%s' section",
		                  u ? SD_REV_DOWNGRADE_MARKER : SD_REV_UPGRADE_MARKER);
		goto done;
	}
	ustart = strchr(u, '\n');
	ustart = ustart && ustart < d ? ustart + 1 : d;
	for (p = data; p < ustart; p++)
		if (*p == '\n')
			line++;
	if (up_line)
		*up_line = line;
	for (; p < d; p++)
		if (*p == '\n')
			line++;
	if (down_line)
		*down_line = line + 1;
	*up = sd_xmalloc((size_t)(d - ustart) + 1);
	memcpy(*up, ustart, (size_t)(d - ustart));
	(*up)[d - ustart] = '\0';
	d = strchr(d, '\n');
	*down = sd_xstrdup(d ? d + 1 : "");
done:
	free(data);
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
	sd_buf text = SD_BUF_INIT;
	int rc;

	sd_rev_format_header(&text, r, SD_REV_SQL);
	sd_buf_put(&text, SD_REV_UPGRADE_MARKER "\n");
	put_section(&text, up);
	sd_buf_put(&text, "\n" SD_REV_DOWNGRADE_MARKER "\n");
	put_section(&text, down);
	rc = sd_rev_write_file(path_out, a, dir, r, SD_REV_SQL, &text, err);
	sd_buf_free(&text);
	return rc;
}
