/*
 * buf.c - growable, always NUL-terminated byte buffers.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void buf_reserve(sd_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	size_t cap;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = sd_xrealloc(b->data, cap);
	b->cap = cap;
}

void sd_buf_putn(sd_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sd_buf_put(sd_buf *b, const char *s)
{
	sd_buf_putn(b, s, strlen(s));
}

void sd_buf_putc(sd_buf *b, char c)
{
	sd_buf_putn(b, &c, 1);
}

void sd_buf_vprintf(sd_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0) {
		buf_reserve(b, 0);
		b->data[b->len] = '\0';
		return;
	}
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sd_buf_printf(sd_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sd_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void sd_buf_truncate(sd_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

const char *sd_buf_cstr(const sd_buf *b)
{
	return b->data ? b->data : "";
}

char *sd_buf_detach(sd_buf *b)
{
	char *p = b->data ? b->data : sd_xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void sd_buf_free(sd_buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
