/*
 * schemadiff.h - version information of the installed schemadiff.
 *
 * C revisions include <schemadiff/revision.h>, which includes this file.
 */
#ifndef SCHEMADIFF_H
#define SCHEMADIFF_H

#define SCHEMADIFF_VERSION_MAJOR 0
#define SCHEMADIFF_VERSION_MINOR 1
#define SCHEMADIFF_VERSION_PATCH 0
#define SCHEMADIFF_VERSION "0.1.0"

/*
 * The ABI version of the revision API. A compiled revision records the
 * version it was built against; schemadiff refuses to load one built for
 * another ABI and recompiles it instead.
 */
#define SCHEMADIFF_REVISION_ABI 1

#endif
