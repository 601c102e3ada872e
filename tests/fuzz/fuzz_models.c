/*
 * fuzz_models.c - the YAML models loader must never crash, leak or read out
 * of bounds, whatever the bytes: it either returns a schema or diagnostics.
 */
#include <stddef.h>
#include <stdint.h>

#include "model/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;

	if (sd_models_load_data(&s, (const char *)data, size, "models.yaml",
	                        &sd_naming_default, &err) == SD_OK) {
		sd_buf b = SD_BUF_INIT;
		sd_schema_dump(&b, s);
		sd_buf_free(&b);
	}
	sd_schema_free(s);
	sd_error_clear(&err);
	return 0;
}
