/*
 * layer.h - the layer order of src/ (src/README.md), enforced when
 * compiling.
 *
 * Every folder of src/ is a library of its own that links only the layers
 * below it (meson.build lists them in order and numbers them into
 * sd_layers.h). Each library is compiled with SD_LAYER set to its number,
 * and each header states its layer with SD_LAYER_HEADER, so a header
 * included from a lower layer stops the build:
 *
 *     db/db.h:        SD_LAYER_HEADER(DB);
 *     emit/dialect.h: SD_LAYER_HEADER(EMIT);   <- included from src/db:
 *     error: static assertion failed: "a header of layer EMIT included
 *     from a lower layer (src/README.md)"
 *
 * Code outside src/ (the binary's main, tests, fuzzers) sees every layer.
 */
#ifndef SD_UTIL_LAYER_H
#define SD_UTIL_LAYER_H

#include "sd_layers.h"

#ifndef SD_LAYER
#define SD_LAYER SD_LAYER_TOP
#endif

#define SD_LAYER_HEADER(name)                                                \
	_Static_assert(SD_LAYER >= SD_LAYER_##name,                          \
	               "a header of layer " #name                           \
	               " included from a lower layer (src/README.md)")

#endif
