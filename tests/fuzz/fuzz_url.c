/*
 * fuzz_url.c - URL handling: scheme dispatch and password masking never
 * crash, and postgresql://user:SECRET@host always comes out as
 * postgresql://user:****@host.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *url = malloc(size + 1);
	sd_buf masked = SD_BUF_INIT;
	const char *at, *colon;

	memcpy(url, data, size);
	url[size] = '\0';
	(void)sd_db_driver_for_url(url);
	sd_mask_password(&masked, url);
	/* postgresql://user:SECRET@host -> the secret is gone */
	if (strncmp(url, "postgresql://", 13) == 0 &&
	    (at = strchr(url + 13, '@')) != NULL &&
	    (colon = memchr(url + 13, ':', (size_t)(at - url - 13))) != NULL &&
	    at - colon > 8 && !memchr(url + 13, '/', (size_t)(at - url - 13)) &&
	    !memchr(url, '\n', size) && !memchr(url, '\r', size) &&
	    !memchr(url, '?', size) && !memchr(url, '#', size)) {
		/* postgresql://user:SECRET@... must come out as
		 * postgresql://user:****@... */
		size_t head = (size_t)(colon + 1 - url);
		const char *m = sd_buf_cstr(&masked);
		if (strncmp(m, url, head) != 0 ||
		    strncmp(m + head, "****@", 5) != 0)
			abort();
	}
	sd_buf_free(&masked);
	free(url);
	return 0;
}
