/*
 * write.c - writes a new C revision file: the header in a leading block
 * comment, then the body sd_emit_c makes of a plan.
 */
#include "capi/capi.h"

#include <string.h>

/* The message with every comment terminator broken, so a message such as
 * one holding the two characters star and slash cannot end the header
 * early. */
static const char *safe_message(sd_arena *a, const char *msg)
{
	sd_buf b = SD_BUF_INIT;
	const char *p, *res;

	if (!msg || !strstr(msg, "*/"))
		return msg;
	for (p = msg; *p; p++) {
		if (p[0] == '*' && p[1] == '/')
			sd_buf_put(&b, "* ");
		else
			sd_buf_putc(&b, *p);
	}
	res = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return res;
}

int sd_capi_write(const char **path_out, sd_arena *a, const char *dir,
                  const sd_revision *r, const sd_plan *plan,
                  const sd_dialect *d, sd_error *err)
{
	sd_buf text = SD_BUF_INIT, slug = SD_BUF_INIT;
	sd_revision hdr = *r;
	const char *path;
	int rc;

	hdr.message = safe_message(a, r->message);
	sd_slugify(&slug, r->message ? r->message : "", SD_REV_SLUG_MAX);
	path = sd_path_join(a, dir,
	                    sd_arena_printf(a, "%s_%s.c", r->id,
	                                    slug.len ? sd_buf_cstr(&slug)
	                                             : "revision"));
	sd_rev_format_header(&text, &hdr, SD_REV_C);
	rc = sd_emit_c(&text, plan, d, err);
	if (!rc)
		rc = sd_mkdir_p(dir, err);
	if (!rc)
		rc = sd_file_write_atomic(path, sd_buf_cstr(&text), text.len, err);
	if (!rc)
		*path_out = path;
	sd_buf_free(&text);
	sd_buf_free(&slug);
	return rc;
}
