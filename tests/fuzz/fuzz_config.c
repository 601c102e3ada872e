/*
 * fuzz_config.c - schemadiff.yaml loading never crashes on any input.
 */
#include <stddef.h>
#include <stdint.h>

#include "model/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sd_error err = SD_ERROR_INIT;
	sd_config *c = NULL;

	sd_config_load_data(&c, (const char *)data, size, "schemadiff.yaml",
	                    &err);
	sd_config_free(c);
	sd_error_clear(&err);
	return 0;
}
