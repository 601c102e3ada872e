/*
 * util.h - the bottom layer: arenas, growable buffers, vectors, string maps,
 * errors, hashing and small string helpers.
 *
 * Nothing in here knows about schemas, SQL dialects or the command line.
 * Every other module may include this header; this header includes nothing
 * of ours.
 */
#ifndef SD_UTIL_H
#define SD_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define SD_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define SD_PRINTF(fmt, args)
#endif

#define SD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Exit-code aligned result codes.                                     */
/* ------------------------------------------------------------------ */

/*
 * Result codes double as the process exit status (SPEC "Exit status"), so a
 * failure travels from the depths of the library to main() without any
 * translation table.
 */
typedef enum sd_code {
	SD_OK = 0,
	SD_DIFFERS = 1,  /* not an error: check/diff found differences */
	SD_EINPUT = 2,   /* bad usage or bad input: models, config, revisions */
	SD_ERUNTIME = 3, /* database, I/O or any other runtime failure */
} sd_code;

/* ------------------------------------------------------------------ */
/* Arena: everything of one schema or one plan is freed in one call.  */
/* ------------------------------------------------------------------ */

typedef struct sd_arena sd_arena;

/*
 * Out of memory: every allocation of schemadiff goes through sd_xmalloc
 * (or the arena, which uses it), which aborts. A schema tool that cannot
 * allocate a few KiB has nothing sensible left to do, so no caller checks
 * for NULL and no function returns NULL for lack of memory.
 */

/* Returns a new arena (never NULL). */
sd_arena *sd_arena_new(void);
/* Frees the arena and every allocation made from it. Accepts NULL. */
void sd_arena_free(sd_arena *a);
/* Zeroed memory aligned for pointers and 8-byte scalars (not 16: no
 * long double, max_align_t or vector type in an arena). */
void *sd_arena_alloc(sd_arena *a, size_t size);
/* Uninitialised, aligned the same: for many small blocks whose owner
 * fills them itself. */
void *sd_arena_alloc_raw8(sd_arena *a, size_t size);
char *sd_arena_strdup(sd_arena *a, const char *s); /* NULL stays NULL */
char *sd_arena_strndup(sd_arena *a, const char *s, size_t n);
char *sd_arena_printf(sd_arena *a, const char *fmt, ...) SD_PRINTF(2, 3);
char *sd_arena_vprintf(sd_arena *a, const char *fmt, va_list ap);
/* Bytes handed out so far, for the benchmark's memory figures. */
size_t sd_arena_used(const sd_arena *a);

/* The heap, for code outside arenas: malloc and friends that abort on
 * out-of-memory (the one place that decides what happens then). */
void *sd_xmalloc(size_t n);
void *sd_xcalloc(size_t n, size_t size);
void *sd_xrealloc(void *p, size_t n);
char *sd_xstrdup(const char *s);

/* ------------------------------------------------------------------ */
/* Growable byte buffer (always NUL-terminated once anything is put). */
/* ------------------------------------------------------------------ */

typedef struct sd_buf {
	char *data;
	size_t len;
	size_t cap;
} sd_buf;

#define SD_BUF_INIT {NULL, 0, 0}

void sd_buf_put(sd_buf *b, const char *s);
void sd_buf_putn(sd_buf *b, const char *s, size_t n);
void sd_buf_putc(sd_buf *b, char c);
void sd_buf_printf(sd_buf *b, const char *fmt, ...) SD_PRINTF(2, 3);
void sd_buf_vprintf(sd_buf *b, const char *fmt, va_list ap);
void sd_buf_truncate(sd_buf *b, size_t len);
/* Returns the contents ("" when empty); the buffer keeps ownership. */
const char *sd_buf_cstr(const sd_buf *b);
/* Hands the malloc'ed string to the caller and resets the buffer. */
char *sd_buf_detach(sd_buf *b);
void sd_buf_free(sd_buf *b);

/* ------------------------------------------------------------------ */
/* Vector of pointers, grown inside an arena.                          */
/* ------------------------------------------------------------------ */

typedef struct sd_vec {
	void **items;
	size_t n;
	size_t cap;
} sd_vec;

void sd_vec_push(sd_arena *a, sd_vec *v, void *item);

/* ------------------------------------------------------------------ */
/* String-keyed hash map (open addressing), allocated in an arena.     */
/* Keys are not copied: they must outlive the map (arena strings do).  */
/* ------------------------------------------------------------------ */

typedef struct sd_map sd_map;

sd_map *sd_map_new(sd_arena *a, size_t expected);
/* Inserts or replaces. Returns the previous value or NULL. */
void *sd_map_put(sd_map *m, const char *key, void *value);
void *sd_map_get(const sd_map *m, const char *key);
size_t sd_map_count(const sd_map *m);

uint64_t sd_hash_str(const char *s);
uint64_t sd_hash_bytes(const void *p, size_t n, uint64_t seed);

/* ------------------------------------------------------------------ */
/* Errors: a list of diagnostics, carried explicitly, never global.    */
/* ------------------------------------------------------------------ */

typedef enum sd_severity {
	SD_SEV_ERROR = 0,
	SD_SEV_WARNING = 1,
	SD_SEV_NOTE = 2,
} sd_severity;

typedef struct sd_diag {
	sd_code code;
	sd_severity severity;
	char *path;    /* file the problem is in, or NULL */
	int line;      /* 1-based, 0 when unknown */
	int col;       /* 1-based, 0 when unknown */
	char *object;  /* "users.email", or NULL */
	char *message; /* one line, no trailing period, no "error:" prefix */
	char *hint;    /* "did you mean 'nullable'?", or NULL */
	struct sd_diag *next;
} sd_diag;

typedef struct sd_error {
	sd_diag *first;
	sd_diag *last;
	size_t nerrors;   /* diagnostics with SD_SEV_ERROR */
	size_t nwarnings;
	sd_code code;     /* the most severe code among the errors, SD_OK if none */
} sd_error;

#define SD_ERROR_INIT {NULL, NULL, 0, 0, SD_OK}

/*
 * Appends an error and returns its code, so a failing function can say
 *     return sd_error_add(err, SD_EINPUT, path, line, 0, "users.email",
 *                         "unknown type '%s'", t);
 * err may be NULL (the diagnostic is dropped, the code still returned).
 */
int sd_error_add(sd_error *err, sd_code code, const char *path, int line,
                 int col, const char *object, const char *fmt, ...)
	SD_PRINTF(7, 8);
int sd_error_vadd(sd_error *err, sd_code code, const char *path, int line,
                  int col, const char *object, const char *fmt, va_list ap);
/* Shorthand without location. */
int sd_error_set(sd_error *err, sd_code code, const char *fmt, ...)
	SD_PRINTF(3, 4);
void sd_error_warn(sd_error *err, const char *path, int line,
                   const char *object, const char *fmt, ...) SD_PRINTF(5, 6);
/* A note (SD_SEV_NOTE) after the errors: what state things are left in. */
void sd_error_note(sd_error *err, const char *fmt, ...) SD_PRINTF(2, 3);
/* Attaches a hint to the most recent diagnostic. */
void sd_error_hint(sd_error *err, const char *fmt, ...) SD_PRINTF(2, 3);
/* Moves every diagnostic of src to the end of dst; src is left empty. */
void sd_error_move(sd_error *dst, sd_error *src);
void sd_error_clear(sd_error *err);
bool sd_error_has(const sd_error *err);
/*
 * Formats one diagnostic the way the CLI prints it, without the program
 * prefix: "models.yaml:12:5: users.email: unknown type 'strng'"
 */
void sd_diag_format(sd_buf *out, const sd_diag *d);
const char *sd_strerror(sd_code code);

/* ------------------------------------------------------------------ */
/* Strings.                                                            */
/* ------------------------------------------------------------------ */

bool sd_streq(const char *a, const char *b);      /* NULL-safe */
bool sd_strieq(const char *a, const char *b);     /* ASCII, NULL-safe */
bool sd_words_eq(const char *a, const char *b);   /* case and blanks aside */
bool sd_startswith(const char *s, const char *prefix);
bool sd_endswith(const char *s, const char *suffix);
int sd_strcmp_null(const char *a, const char *b); /* NULL sorts first */
/* Levenshtein distance, capped: returns cap+1 when larger. */
size_t sd_edit_distance(const char *a, const char *b, size_t cap);
/* The candidate closest to word within distance 2 (or a prefix match),
 * else NULL. candidates is NULL-terminated. */
const char *sd_suggest(const char *word, const char *const *candidates);
/* Lowercase [a-z0-9_] slug of a message, cut to max characters. */
void sd_slugify(sd_buf *out, const char *message, size_t max);
/*
 * A duration as configs and options write it: "500ms", "2s", "1.5s",
 * "1min", or a bare number of milliseconds ("250"); "0" is zero. Returns
 * false (and leaves *ms alone) for anything else, negative values
 * included.
 */
bool sd_parse_duration_ms(const char *text, long *ms);
/* A whole number >= min written in decimal digits only; false otherwise. */
bool sd_parse_count(const char *text, long min, long *out);
/* Replaces "scheme://user:secret@host" passwords with "****". */
void sd_mask_password(sd_buf *out, const char *text);

/* Reads a whole file; returns SD_OK or an error naming path. */
int sd_file_read(char **out, size_t *len, const char *path, sd_error *err);
/* Writes atomically: a temporary file in the same directory, then rename. */
int sd_file_write_atomic(const char *path, const char *data, size_t len,
                         sd_error *err);
/* Writes data into a new file of mode 0600 (for what may hold data or
 * credentials); an existing file or link at path is an error, a partial
 * file is removed. */
int sd_file_write_private(const char *path, const char *data, size_t len,
                          sd_error *err);
/* A new directory of mode 0700 (mkdtemp) in parent (NULL: $TMPDIR, else
 * /tmp); *out is its path (arena). */
int sd_dir_make_private(char **out, sd_arena *a, const char *parent,
                        sd_error *err);
/* Removes a directory and the files directly in it. Accepts NULL. */
void sd_dir_remove(const char *dir);
bool sd_file_exists(const char *path);
bool sd_dir_exists(const char *path);
/* mkdir -p */
int sd_mkdir_p(const char *path, sd_error *err);
/* dir + "/" + name, in the arena; name returned as is when absolute. */
char *sd_path_join(sd_arena *a, const char *dir, const char *name);
/* Directory part of a path, "." when there is none. */
char *sd_path_dirname(sd_arena *a, const char *path);

/*
 * Runs the program argv[0] (looked up in PATH, no shell) and waits for it.
 * stdin is /dev/null; stdout goes to out_fd, or with stderr into *output
 * when out_fd is -1; stderr always goes into *output. The child's
 * environment is ours without the variables that can carry a database
 * password (SCHEMADIFF_DATABASE_URL, DATABASE_URL, PGPASSWORD), plus `set`
 * ("NAME=value" entries replacing ours, NULL-terminated, may be NULL):
 * secrets never go on a command line. Returns the exit status (128 + N
 * after signal N), or -1 when the program could not be started (the
 * reason in *output).
 */
int sd_proc_run(const char *const *argv, const char *const *set, int out_fd,
                sd_buf *output);

/* SHA-256 of data, as 64 lowercase hex characters plus NUL. */
void sd_sha256_hex(const void *data, size_t len, char out[65]);

#endif
