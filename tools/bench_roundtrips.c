/*
 * bench_roundtrips.c - counts a process's PostgreSQL round trips, for
 * tools/bench: loaded with LD_PRELOAD, it stands in front of libpq's
 * query calls (each is one round trip: a multi-statement script is one
 * too, and so are the queries of a pipeline up to its Sync) and, at
 * exit, appends how many there were to the file named by
 * SD_BENCH_ROUNDTRIPS (a line per process that was preloaded: the
 * launcher's too). Wall times move with the machine's load; this
 * figure does not.
 *
 *   cc -O2 -shared -fPIC -o bench_roundtrips.so bench_roundtrips.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

static atomic_long trips;
/* libpq's PQexec calls its own PQsendQuery through the same symbols:
 * only the outermost call counts */
static _Thread_local int depth;

#define COUNTED(call)                                                        \
	do {                                                                 \
		if (depth++ == 0)                                            \
			atomic_fetch_add(&trips, 1);                         \
		__typeof__(call) r_ = call;                                  \
		depth--;                                                     \
		return r_;                                                   \
	} while (0)

static void *next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f) {
		fprintf(stderr, "bench_roundtrips: no %s\n", name);
		abort();
	}
	return f;
}

PGresult *PQexec(PGconn *conn, const char *query)
{
	static PGresult *(*real)(PGconn *, const char *);

	if (!real)
		real = (PGresult * (*)(PGconn *, const char *)) next("PQexec");
	COUNTED(real(conn, query));
}

PGresult *PQexecParams(PGconn *conn, const char *command, int nParams,
                       const Oid *paramTypes,
                       const char *const *paramValues,
                       const int *paramLengths, const int *paramFormats,
                       int resultFormat)
{
	static PGresult *(*real)(PGconn *, const char *, int, const Oid *,
	                         const char *const *, const int *,
	                         const int *, int);

	if (!real)
		real = (PGresult * (*)(PGconn *, const char *, int, const Oid *,
		                       const char *const *, const int *,
		                       const int *, int)) next("PQexecParams");
	COUNTED(real(conn, command, nParams, paramTypes, paramValues,
	             paramLengths, paramFormats, resultFormat));
}

int PQsendQuery(PGconn *conn, const char *query)
{
	static int (*real)(PGconn *, const char *);

	if (!real)
		real = (int (*)(PGconn *, const char *))next("PQsendQuery");
	COUNTED(real(conn, query));
}

/* libpq's PQpipelineStatus: 0 (PQ_PIPELINE_OFF) outside pipeline mode */
static int in_pipeline(PGconn *conn)
{
	static int (*status)(const PGconn *);

	if (!status)
		status = (int (*)(const PGconn *))next("PQpipelineStatus");
	return status(conn) != 0;
}

int PQsendQueryParams(PGconn *conn, const char *command, int nParams,
                      const Oid *paramTypes, const char *const *paramValues,
                      const int *paramLengths, const int *paramFormats,
                      int resultFormat)
{
	static int (*real)(PGconn *, const char *, int, const Oid *,
	                   const char *const *, const int *, const int *, int);

	if (!real)
		real = (int (*)(PGconn *, const char *, int, const Oid *,
		                const char *const *, const int *, const int *,
		                int))next("PQsendQueryParams");
	/* queued in a pipeline: its Sync is the round trip */
	if (in_pipeline(conn))
		return real(conn, command, nParams, paramTypes, paramValues,
		            paramLengths, paramFormats, resultFormat);
	COUNTED(real(conn, command, nParams, paramTypes, paramValues,
	             paramLengths, paramFormats, resultFormat));
}

int PQpipelineSync(PGconn *conn)
{
	static int (*real)(PGconn *);

	if (!real)
		real = (int (*)(PGconn *))next("PQpipelineSync");
	COUNTED(real(conn));
}

__attribute__((destructor)) static void report(void)
{
	const char *path = getenv("SD_BENCH_ROUNDTRIPS");
	FILE *f;

	if (!path || !(f = fopen(path, "a")))
		return;
	fprintf(f, "%ld\n", (long)atomic_load(&trips));
	fclose(f);
}
