/*
 * revision.h - the API a C revision calls. (Filled in with the C revision
 * format.)
 */
#ifndef SCHEMADIFF_REVISION_H
#define SCHEMADIFF_REVISION_H

#include <schemadiff/schemadiff.h>

typedef struct sd_migration sd_migration;

#endif
