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
                  const sd_dialect *d, const sd_dialect *const *all,
                  size_t nall, sd_error *err)
{
	sd_buf text = SD_BUF_INIT;
	sd_revision hdr = *r;
	int rc;

	hdr.message = safe_message(a, r->message);
	sd_rev_format_header(&text, &hdr, SD_REV_C);
	rc = sd_emit_c_dialects(&text, plan, d, all, nall, err);
	if (!rc)
		rc = sd_rev_write_file(path_out, a, dir, r, SD_REV_C, &text,
		                       err);
	sd_buf_free(&text);
	return rc;
}
