/*
 * fuzz_revheader.c - revision headers come from files people edit by hand:
 * parsing one never crashes, and a header that parses has a valid id.
 */
#include <stdlib.h>

#include "revision/revision.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_revision r = {0};

	if (sd_rev_parse_header(&r, a, (const char *)data, size,
	                        "fuzz.sql", &err) == SD_OK &&
	    !sd_rev_id_valid(r.id))
		abort();
	sd_error_clear(&err);
	sd_arena_free(a);
	return 0;
}
