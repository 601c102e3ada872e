/*
 * escape.c - text made safe for XML, SVG and HTML (diagram.h).
 */
#include "diagram/diagram.h"

#include <string.h>

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

/*
 * The length of the valid UTF-8 sequence at p (2 to 4), or 0 when it is
 * not one: a stray continuation byte, a truncated sequence, an overlong
 * form, a surrogate, or a code point past U+10FFFF.
 */
static size_t utf8_sequence(const unsigned char *p, unsigned *cp)
{
	size_t n, i;
	unsigned c;

	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		c = p[0] & 0x1fu;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		c = p[0] & 0x0fu;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		c = p[0] & 0x07u;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3fu);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

void sd_xml_escape(sd_buf *out, const char *s, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return;
	while (*p) {
		unsigned char c = *p;
		size_t n;
		unsigned cp;

		switch (c) {
		case '&': sd_buf_put(out, "&amp;"); p++; continue;
		case '<': sd_buf_put(out, "&lt;"); p++; continue;
		case '>': sd_buf_put(out, "&gt;"); p++; continue;
		case '"': sd_buf_put(out, "&quot;"); p++; continue;
		case '\'': sd_buf_put(out, "&#39;"); p++; continue;
		case '\n':
		case '\t':
			sd_buf_putc(out, (flags & SD_XML_KEEP_LINES) ? (char)c : ' ');
			p++;
			continue;
		case '\r':
			/* a CRLF line end is one line end; a lone CR is a space */
			if (!((flags & SD_XML_KEEP_LINES) && p[1] == '\n'))
				sd_buf_putc(out, ' ');
			p++;
			continue;
		default:
			break;
		}
		if (c < 0x20) {
			sd_buf_put(out, REPLACEMENT);
			p++;
		} else if (c < 0x80) {
			sd_buf_putc(out, (char)c);
			p++;
		} else if ((n = utf8_sequence(p, &cp)) == 0) {
			sd_buf_put(out, REPLACEMENT);
			p++;
		} else {
			if (cp == 0xfffe || cp == 0xffff)
				sd_buf_put(out, REPLACEMENT);
			else
				sd_buf_putn(out, (const char *)p, n);
			p += n;
		}
	}
}
