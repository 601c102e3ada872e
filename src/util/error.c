/*
 * error.c - diagnostics carried explicitly through every call.
 *
 * Library code records what went wrong here and returns the code; only the
 * CLI prints. A diagnostic keeps where (path:line:col), what object
 * (users.email) and a one-line message, so the printed form is always
 *     schemadiff: error: models.yaml:12:5: users.email: unknown type 'strng'
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

static char *xvprintf(const char *fmt, va_list ap)
{
	sd_buf b = SD_BUF_INIT;

	sd_buf_vprintf(&b, fmt, ap);
	return sd_buf_detach(&b);
}

static sd_diag *diag_append(sd_error *err, sd_code code, sd_severity sev,
                            const char *path, int line, int col,
                            const char *object, const char *fmt, va_list ap)
{
	sd_diag *d = sd_xcalloc(1, sizeof(*d));

	d->code = code;
	d->severity = sev;
	d->path = sd_xstrdup(path);
	d->line = line;
	d->col = col;
	d->object = sd_xstrdup(object);
	d->message = xvprintf(fmt, ap);
	if (err->last)
		err->last->next = d;
	else
		err->first = d;
	err->last = d;
	if (sev == SD_SEV_ERROR) {
		err->nerrors++;
		if (code > err->code)
			err->code = code;
	} else if (sev == SD_SEV_WARNING) {
		err->nwarnings++;
	}
	return d;
}

int sd_error_vadd(sd_error *err, sd_code code, const char *path, int line,
                  int col, const char *object, const char *fmt, va_list ap)
{
	if (code == SD_OK)
		code = SD_ERUNTIME;
	if (err)
		diag_append(err, code, SD_SEV_ERROR, path, line, col, object,
		            fmt, ap);
	return code;
}

int sd_error_add(sd_error *err, sd_code code, const char *path, int line,
                 int col, const char *object, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sd_error_vadd(err, code, path, line, col, object, fmt, ap);
	va_end(ap);
	return rc;
}

int sd_error_set(sd_error *err, sd_code code, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sd_error_vadd(err, code, NULL, 0, 0, NULL, fmt, ap);
	va_end(ap);
	return rc;
}

void sd_error_warn(sd_error *err, const char *path, int line,
                   const char *object, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	diag_append(err, SD_OK, SD_SEV_WARNING, path, line, 0, object, fmt, ap);
	va_end(ap);
}

void sd_error_note(sd_error *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	diag_append(err, SD_OK, SD_SEV_NOTE, NULL, 0, 0, NULL, fmt, ap);
	va_end(ap);
}

void sd_error_hint(sd_error *err, const char *fmt, ...)
{
	va_list ap;

	if (!err || !err->last)
		return;
	va_start(ap, fmt);
	free(err->last->hint);
	err->last->hint = xvprintf(fmt, ap);
	va_end(ap);
}

void sd_error_move(sd_error *dst, sd_error *src)
{
	if (!src->first)
		return;
	if (dst->last)
		dst->last->next = src->first;
	else
		dst->first = src->first;
	dst->last = src->last;
	dst->nerrors += src->nerrors;
	dst->nwarnings += src->nwarnings;
	if (src->code > dst->code)
		dst->code = src->code;
	src->first = src->last = NULL;
	src->nerrors = src->nwarnings = 0;
	src->code = SD_OK;
}

void sd_error_clear(sd_error *err)
{
	sd_diag *d, *next;

	if (!err)
		return;
	for (d = err->first; d; d = next) {
		next = d->next;
		free(d->path);
		free(d->object);
		free(d->message);
		free(d->hint);
		free(d);
	}
	err->first = err->last = NULL;
	err->nerrors = err->nwarnings = 0;
	err->code = SD_OK;
}

bool sd_error_has(const sd_error *err)
{
	return err && err->nerrors > 0;
}

void sd_diag_format(sd_buf *out, const sd_diag *d)
{
	if (d->path) {
		sd_buf_put(out, d->path);
		if (d->line > 0) {
			sd_buf_printf(out, ":%d", d->line);
			if (d->col > 0)
				sd_buf_printf(out, ":%d", d->col);
		}
		sd_buf_put(out, ": ");
	}
	if (d->object) {
		sd_buf_put(out, d->object);
		sd_buf_put(out, ": ");
	}
	sd_buf_put(out, d->message);
	if (d->hint) {
		sd_buf_put(out, " (");
		sd_buf_put(out, d->hint);
		sd_buf_put(out, ")");
	}
}

const char *sd_strerror(sd_code code)
{
	switch (code) {
	case SD_OK:
		return "success";
	case SD_DIFFERS:
		return "differences found";
	case SD_EINPUT:
		return "bad usage or bad input";
	case SD_ERUNTIME:
		return "database or runtime failure";
	}
	return "unknown error";
}
