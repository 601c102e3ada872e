/*
 * test_model.c - the YAML models loader, naming convention, validation,
 * project config and the JSON Schema of the models format.
 *
 * Golden files: testdata/models/<case>.yaml is loaded and its
 * sd_schema_dump compared with testdata/models/<case>.expected; run with
 * SD_UPDATE_GOLDEN=1 to rewrite them. Bad inputs: every
 * testdata/bad/models/<case>/ holds models.yaml and `expect` (exit code,
 * then a fragment of the first diagnostic including file:line).
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "model/load.h"
#include "model/logic.h"
#include "model/yamldoc.h"

static const char *root(void)
{
	const char *r = getenv("SD_SOURCE_ROOT");
	return r && *r ? r : ".";
}

static char *src_path(const char *rel)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_printf(&b, "%s/%s", root(), rel);
	return sd_buf_detach(&b);
}

/* All diagnostics, formatted, one per line. */
static char *diags(const sd_error *err)
{
	sd_buf b = SD_BUF_INIT;
	const sd_diag *d;

	sd_buf_put(&b, "");
	for (d = err->first; d; d = d->next) {
		sd_diag_format(&b, d);
		sd_buf_putc(&b, '\n');
	}
	return sd_buf_detach(&b);
}

static char *dump(const sd_schema *s)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_put(&b, "");
	sd_schema_dump(&b, s);
	return sd_buf_detach(&b);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted entries of dir whose name ends in suffix ("" = all but dot
 * files); NULL-terminated, malloc'ed. */
static char **list_dir(const char *dir, const char *suffix, bool dirs)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = calloc(1024, sizeof(char *));
	size_t n = 0;

	ck_assert_msg(d != NULL, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL && n < 1023) {
		char full[4096];
		struct stat st;
		if (e->d_name[0] == '.' || !sd_endswith(e->d_name, suffix))
			continue;
		snprintf(full, sizeof(full), "%s/%s", dir, e->d_name);
		if (stat(full, &st) != 0 || (S_ISDIR(st.st_mode) != dirs))
			continue;
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp_names);
	return names;
}

static void free_list(char **l)
{
	size_t i;
	for (i = 0; l[i]; i++)
		free(l[i]);
	free(l);
}

static void check_golden(const char *expected_path, const char *actual)
{
	sd_test_golden(expected_path, actual);
}

/* ------------------------------------------------------------------ */
/* Good models                                                         */
/* ------------------------------------------------------------------ */

START_TEST(golden_models)
{
	char *dir = src_path("testdata/models");
	char **files = list_dir(dir, ".yaml", false);
	size_t i;

	ck_assert_ptr_nonnull(files[0]);
	for (i = 0; files[i]; i++) {
		sd_error err = SD_ERROR_INIT;
		sd_schema *s = NULL;
		sd_buf p = SD_BUF_INIT, g = SD_BUF_INIT;
		char *text, *errs;
		int rc;

		sd_buf_printf(&p, "%s/%s", dir, files[i]);
		sd_buf_printf(&g, "%s/%.*s.expected", dir,
		              (int)(strlen(files[i]) - 5), files[i]);
		rc = sd_models_load(&s, p.data, NULL, &err);
		errs = diags(&err);
		ck_assert_msg(rc == SD_OK, "%s: %s", files[i], errs);
		text = dump(s);
		check_golden(g.data, text);
		free(text);
		free(errs);
		sd_schema_free(s);
		sd_error_clear(&err);
		sd_buf_free(&p);
		sd_buf_free(&g);
	}
	free_list(files);
	free(dir);
}
END_TEST

START_TEST(spec_shorthands)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: users\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: email, type: string(120), unique: true}\n"
		"      - {name: org_id, type: bigint, references: orgs.id,"
		" on_delete: cascade}\n"
		"    checks:\n"
		"      - {expression: \"id > 0\"}\n"
		"  - name: orgs\n"
		"    columns:\n"
		"      - {name: id, type: bigint}\n"
		"      - {name: code, type: text}\n"
		"    primary_key: [id, code]\n";
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	sd_table *users, *orgs;
	sd_column *c;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml),
	                                     "models.yaml", NULL, &err),
	                 SD_EINPUT);
	/* orgs' key is (id, code): a one-column FK onto id is refused */
	ck_assert_ptr_null(s);
	ck_assert_str_eq(err.first->message,
	                 "foreign key references orgs(id), which is neither "
	                 "the primary key nor unique");
	ck_assert_int_eq(err.first->line, 6);
	ck_assert_str_eq(err.first->object, "users.org_id");
	sd_error_clear(&err);

	{
		char *fixed = strdup(yaml);
		char *pk = strstr(fixed, "[id, code]");
		memcpy(pk, "[id]      ", 10);
		ck_assert_int_eq(sd_models_load_data(&s, fixed, strlen(fixed),
		                                     "models.yaml", NULL,
		                                     &err),
		                 SD_OK);
		free(fixed);
	}
	users = sd_schema_find_table(s, NULL, "users");
	orgs = sd_schema_find_table(s, NULL, "orgs");
	ck_assert_ptr_nonnull(users);
	ck_assert_ptr_nonnull(orgs);
	ck_assert_str_eq(users->primary_key->base.name, "pk_users");
	ck_assert_uint_eq(users->nuniques, 1);
	ck_assert_str_eq(users->uniques[0]->base.name, "uq_users_email");
	ck_assert_str_eq(users->uniques[0]->columns.items[0], "email");
	ck_assert_uint_eq(users->nforeign_keys, 1);
	ck_assert_str_eq(users->foreign_keys[0]->base.name,
	                 "fk_users_org_id_orgs");
	ck_assert_int_eq(users->foreign_keys[0]->on_delete, SD_FK_CASCADE);
	ck_assert_int_eq(users->foreign_keys[0]->on_update, SD_FK_NO_ACTION);
	ck_assert_str_eq(users->checks[0]->base.name, "ck_users_1");
	c = sd_table_find_column(users, "id");
	ck_assert(c->autoincrement);
	ck_assert(!c->nullable);
	c = sd_table_find_column(users, "email");
	ck_assert(c->nullable);
	ck_assert_int_eq(c->type.kind, SD_T_STRING);
	ck_assert_int_eq(c->type.length, 120);
	/* a table-level one-column bigint key autoincrements too */
	ck_assert(sd_table_find_column(orgs, "id")->autoincrement);
	ck_assert(!sd_table_find_column(orgs, "id")->nullable);
	ck_assert_int_eq(users->base.loc.line, 2);
	ck_assert_str_eq(users->base.loc.path, "models.yaml");
	sd_schema_free(s);
	sd_error_clear(&err);
}
END_TEST

START_TEST(composite_key_no_autoincrement)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: t\n"
		"    columns:\n"
		"      - {name: a, type: integer, primary_key: true}\n"
		"      - {name: b, type: integer, primary_key: true}\n";
	sd_schema *s = NULL;
	sd_table *t;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml), "m.yaml",
	                                     NULL, NULL),
	                 SD_OK);
	t = s->tables[0];
	ck_assert_uint_eq(t->primary_key->columns.n, 2);
	ck_assert_str_eq(t->primary_key->columns.items[0], "a");
	ck_assert_str_eq(t->primary_key->columns.items[1], "b");
	ck_assert(!t->columns[0]->autoincrement);
	ck_assert(!t->columns[1]->nullable);
	sd_schema_free(s);
}
END_TEST

START_TEST(identity_accepts_database_integer_spellings)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: t\n"
		"    columns:\n"
		"      - {name: a, type: int8, identity: always}\n"
		"      - {name: b, type: smallint, identity: BY DEFAULT}\n";
	sd_schema *s = NULL;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml), "m.yaml",
	                                     NULL, NULL),
	                 SD_OK);
	ck_assert_int_eq(s->tables[0]->columns[0]->identity,
	                 SD_IDENTITY_ALWAYS);
	ck_assert(!s->tables[0]->columns[0]->nullable);
	ck_assert_int_eq(s->tables[0]->columns[1]->identity,
	                 SD_IDENTITY_BY_DEFAULT);
	ck_assert_ptr_null(s->tables[0]->primary_key);
	sd_schema_free(s);
}
END_TEST

START_TEST(custom_naming)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: users\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: email, type: text, unique: true}\n"
		"      - {name: boss, type: integer, references: users.id}\n"
		"    indexes:\n"
		"      - {columns: [email, boss]}\n"
		"      - {expressions: [\"lower(email)\"]}\n"
		"    checks:\n"
		"      - {expression: \"id > 0\"}\n"
		"      - {name: positive, expression: \"id > 0\"}\n";
	const sd_naming naming = {
		"%(table)_pkey", "%(table)_%(column_0_name)_idx",
		"%(table)_%(columns)_key", "%(table)_%(columns)_fkey_%(ref_table)",
		"%(table)_check_%(constraint_name)"};
	sd_schema *s = NULL;
	char *text;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml), "m.yaml",
	                                     &naming, NULL),
	                 SD_OK);
	text = dump(s);
	ck_assert_str_eq(
		text,
		"table users\n"
		"  column id integer not-null autoincrement\n"
		"  column email text null\n"
		"  column boss integer null\n"
		"  primary-key users_pkey (id)\n"
		"  unique users_email_key (email)\n"
		"  foreign-key users_boss_fkey_users (boss) -> users(id) "
		"on-delete=NO ACTION on-update=NO ACTION\n"
		"  check positive expr=[id > 0]\n"
		"  check users_check_1 expr=[id > 0]\n"
		"  index users_email_idx (email, boss)\n"
		"  index users_expr_idx ([lower(email)])\n");
	free(text);
	sd_schema_free(s);
}
END_TEST

START_TEST(directory_merges_files)
{
	char *dir = src_path("testdata/models/split");
	char *golden = src_path("testdata/models/split.expected");
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	char *text, *errs;
	int rc;

	rc = sd_models_load(&s, dir, NULL, &err);
	errs = diags(&err);
	ck_assert_msg(rc == SD_OK, "%s", errs);
	text = dump(s);
	check_golden(golden, text);
	/* tables keep the file they came from */
	ck_assert(sd_endswith(sd_schema_find_table(s, NULL, "orgs")->base.loc.path,
	                      "split/02_orgs.yml"));
	ck_assert(sd_endswith(
		sd_schema_find_table(s, NULL, "users")->base.loc.path,
		"split/03_users.yaml"));
	free(text);
	free(errs);
	free(dir);
	free(golden);
	sd_schema_free(s);
	sd_error_clear(&err);
}
END_TEST

static void write_file(const char *path, const char *text)
{
	ck_assert_int_eq(sd_file_write_atomic(path, text, strlen(text), NULL),
	                 SD_OK);
}

START_TEST(directory_errors_name_their_file)
{
	char tmpl[] = "/tmp/sd_model_XXXXXX";
	char *dir = mkdtemp(tmpl);
	char a[512], b[512], c[512];
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = (sd_schema *)0x1;
	char *errs;
	sd_buf want = SD_BUF_INIT;

	ck_assert_ptr_nonnull(dir);
	snprintf(a, sizeof(a), "%s/a.yaml", dir);
	snprintf(b, sizeof(b), "%s/b.yml", dir);
	snprintf(c, sizeof(c), "%s/c.yaml", dir);
	write_file(a, "tables:\n"
	              "  - name: users\n"
	              "    columns:\n"
	              "      - {name: id, type: integer, primary_key: true}\n"
	              "      - {name: org_id, type: integer, references: "
	              "orgs.idd}\n");
	write_file(b, "tables:\n"
	              "  - name: orgs\n"
	              "    columns:\n"
	              "      - {name: id, type: integer, primary_key: true}\n"
	              "  - name: users\n"
	              "    columns:\n"
	              "      - {name: id, type: integer}\n");
	write_file(c, "tables:\n"
	              "  - name: more\n"
	              "    columns:\n"
	              "      - {name: id, type: intger}\n");
	ck_assert_int_eq(sd_models_load(&s, dir, NULL, &err), SD_EINPUT);
	ck_assert_ptr_eq(s, (sd_schema *)0x1); /* untouched */
	errs = diags(&err);
	sd_buf_printf(&want,
	              "%s:5: users: duplicate table 'users' (first declared "
	              "at %s:2)\n"
	              "%s:4: more.id: unknown type 'intger' (did you mean "
	              "'integer'?)\n"
	              "%s:5: users.org_id: foreign key references missing "
	              "column 'orgs.idd' (did you mean 'id'?)\n",
	              b, a, c, a);
	ck_assert_str_eq(errs, want.data);
	ck_assert_uint_eq(err.nerrors, 3);
	ck_assert_int_eq(err.code, SD_EINPUT);
	free(errs);
	sd_buf_free(&want);
	sd_error_clear(&err);
	unlink(a);
	unlink(b);
	unlink(c);
	rmdir(dir);
}
END_TEST

START_TEST(missing_models_path)
{
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;

	ck_assert_int_eq(sd_models_load(&s, "/nonexistent/models.yaml", NULL,
	                                &err),
	                 SD_EINPUT);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(err.first->message,
	                 "models file or directory not found");
	sd_error_clear(&err);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Bad models: exact messages                                          */
/* ------------------------------------------------------------------ */

/* The schema yaml loads into; the test fails with its diagnostics if it
 * does not load. */
static sd_schema *load_ok(const char *yaml)
{
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	char *errs;
	int rc;

	rc = sd_models_load_data(&s, yaml, strlen(yaml), "m.yaml", NULL, &err);
	errs = diags(&err);
	ck_assert_msg(rc == SD_OK, "%s", errs);
	free(errs);
	return s;
}

static char *load_errors(const char *yaml)
{
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	char *errs;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml),
	                                     "models.yaml", NULL, &err),
	                 SD_EINPUT);
	ck_assert_ptr_null(s);
	errs = diags(&err);
	sd_error_clear(&err);
	return errs;
}

#define EXPECT_ERRORS(yaml, expected)                                        \
	do {                                                                 \
		char *e_ = load_errors(yaml);                                \
		ck_assert_str_eq(e_, expected);                              \
		free(e_);                                                    \
	} while (0)

/* An integer key autoincrements by the rule, unless the model says it
 * does not: autoincrement: false, or a default of its own (a natural key,
 * a sequence's nextval). */
START_TEST(integer_key_autoincrement_opt_out)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: rule\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"  - name: natural\n"
		"    columns:\n"
		"      - {name: code, type: smallint, primary_key: true, "
		"autoincrement: false}\n"
		"  - name: spelled\n"
		"    columns:\n"
		"      - {name: id, type: bigint, autoincrement: true}\n"
		"    primary_key: [id]\n"
		"  - name: own_default\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true, default: "
		"\"nextval('s'::regclass)\"}\n";
	sd_schema *s = NULL;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml), "m.yaml",
	                                     NULL, NULL),
	                 SD_OK);
	ck_assert(sd_schema_find_table(s, NULL, "rule")->columns[0]->autoincrement);
	ck_assert(!sd_schema_find_table(s, NULL, "natural")->columns[0]
	                   ->autoincrement);
	ck_assert(!sd_schema_find_table(s, NULL, "natural")->columns[0]
	                   ->nullable);
	ck_assert(sd_schema_find_table(s, NULL, "spelled")->columns[0]
	                  ->autoincrement);
	ck_assert(!sd_schema_find_table(s, NULL, "own_default")->columns[0]
	                   ->autoincrement);
	sd_schema_free(s);
	EXPECT_ERRORS("tables:\n"
	              "  - name: t\n"
	              "    columns:\n"
	              "      - {name: id, type: integer, primary_key: true}\n"
	              "      - {name: n, type: integer, autoincrement: true}\n",
	              "models.yaml:5: t.n: autoincrement applies to the "
	              "integer column of a one-column primary key without a "
	              "default (use identity: for other columns)\n");
}
END_TEST

/* not_null_on_conflict: a resolution word is kept (upper case), any
 * other word is refused at the column's line, naming the column. */
START_TEST(not_null_on_conflict_words)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: t\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: a, type: integer, nullable: false, "
		"not_null_on_conflict: ignore}\n"
		"      - {name: b, type: integer, nullable: false}\n";
	sd_schema *s = load_ok(yaml);
	const sd_table *t = sd_schema_find_table(s, NULL, "t");

	ck_assert_str_eq(sd_column_x(t->columns[1])->not_null_conflict, "IGNORE");
	ck_assert_ptr_null(sd_column_x(t->columns[2])->not_null_conflict);
	sd_schema_free(s);
	EXPECT_ERRORS("tables:\n"
	              "  - name: t\n"
	              "    columns:\n"
	              "      - {name: id, type: integer, primary_key: true}\n"
	              "      - {name: a, type: integer, nullable: false, "
	              "not_null_on_conflict: skip}\n",
	              "models.yaml:5: t.a: an ON CONFLICT resolution is "
	              "rollback, abort, fail, ignore or replace, not 'skip'\n");
}
END_TEST

START_TEST(aliases_refused)
{
	EXPECT_ERRORS("tables:\n"
	              "  - name: t\n"
	              "    columns: &cols\n"
	              "      - {name: id, type: integer}\n"
	              "  - name: u\n"
	              "    columns: *cols\n",
	              "models.yaml:6:14: YAML aliases (*cols) are not "
	              "supported: write the value out\n");
}
END_TEST

/*
 * 100 KB of '[' (or of "{a: ") is refused at the first level past the
 * limit, while the YAML events are read: before, libyaml's scanner walked
 * every open level for every token and took minutes. Models and config
 * read through the same reader; the deepest real models (a foreign key's
 * reference columns, 7 levels) still load.
 */
static char *config_errors(const char *yaml);

static char *repeated(const char *unit, size_t bytes)
{
	size_t n = strlen(unit), i;
	char *s = malloc(bytes + n + 2);

	for (i = 0; i + n <= bytes; i += n)
		memcpy(s + i, unit, n);
	s[i] = '\n';
	s[i + 1] = '\0';
	return s;
}

START_TEST(deep_nesting_refused_early)
{
	char *brackets = repeated("[", 100000);
	char *maps = repeated("{a: ", 100000);
	char *blocks = repeated("- ", 100000);
	char *e;

	EXPECT_ERRORS(brackets, "models.yaml:1:65: YAML nested deeper than 64 "
	                        "levels: models and config are never that deep\n");
	EXPECT_ERRORS(maps, "models.yaml:1:257: YAML nested deeper than 64 "
	                    "levels: models and config are never that deep\n");
	EXPECT_ERRORS(blocks, "models.yaml:1:129: YAML nested deeper than 64 "
	                      "levels: models and config are never that deep\n");
	e = config_errors(brackets);
	ck_assert_str_eq(e, "schemadiff.yaml:1:65: YAML nested deeper than 64 "
	                    "levels: models and config are never that deep\n");
	free(e);
	free(brackets);
	free(maps);
	free(blocks);
}
END_TEST

START_TEST(deepest_models_still_load)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: a\n"
		"    columns:\n"
		"      - {name: x, type: integer, nullable: false}\n"
		"      - {name: y, type: integer, nullable: false}\n"
		"    primary_key: [x, y]\n"
		"  - name: b\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: p, type: integer}\n"
		"      - {name: q, type: integer}\n"
		"    foreign_keys:\n"
		"      - {columns: [p, q], references: {table: a, columns: [x, y]}}\n";
	sd_schema *s = NULL;
	sd_error err = SD_ERROR_INIT;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml),
	                                     "models.yaml", NULL, &err),
	                 SD_OK);
	ck_assert_uint_eq(s->ntables, 2);
	sd_schema_free(s);
}
END_TEST

START_TEST(unknown_key_with_position_and_hint)
{
	EXPECT_ERRORS("tables:\n"
	              "  - name: users\n"
	              "    columns:\n"
	              "      - {name: id, type: integer, primary_key: true}\n"
	              "      - name: email\n"
	              "        type: string(120)\n"
	              "\n"
	              "        nulable: true\n",
	              "models.yaml:8:9: users.email: unknown key 'nulable' "
	              "(did you mean 'nullable'?)\n");
	/* at table level the table keys are the candidates */
	EXPECT_ERRORS("tables:\n"
	              "  - name: users\n"
	              "    indexs: []\n"
	              "    columns: [{name: id, type: integer}]\n",
	              "models.yaml:3:5: users: unknown key 'indexs' (did you "
	              "mean 'indexes'?)\n");
	/* binding stops at the first; the others are found as well */
	EXPECT_ERRORS("tables:\n"
	              "  - name: users\n"
	              "    columns:\n"
	              "      - {name: id, type: integer, nulable: true}\n"
	              "      - {name: id2, type: integer, uniq: true}\n"
	              "    indexs: []\n"
	              "enum: []\n",
	              "models.yaml:4:35: users.id: unknown key 'nulable' (did "
	              "you mean 'nullable'?)\n"
	              "models.yaml:5:36: users.id2: unknown key 'uniq' (did you "
	              "mean 'unique'?)\n"
	              "models.yaml:6:5: users: unknown key 'indexs' (did you "
	              "mean 'indexes'?)\n"
	              "models.yaml:7:1: unknown key 'enum' (did you mean "
	              "'enums'?)\n");
	EXPECT_ERRORS("tables:\n"
	              "  - name: t\n"
	              "    columns: [{name: id, type: numeric(10, 2)}]\n",
	              "models.yaml:3:44: t.id: unknown key '2)' (quote a value "
	              "that contains a comma inside {...})\n");
}
END_TEST

/* PostgreSQL table settings: loaded as written (a type's own storage
 * dropped), and their errors at their lines. */
/*
 * ALL (or ALL PRIVILEGES) in grants and default privileges stands for
 * every privilege of the object's kind, one grant each (per column for
 * a column grant); any other word stands for itself, upper-cased.
 */
START_TEST(all_privileges_expand)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: t\n"
		"    columns: [{name: id, type: integer}, {name: v, type: text}]\n"
		"grants:\n"
		"  - {on: table t, to: app, privileges: [all]}\n"
		"  - {on: table t, to: col, privileges: [ALL PRIVILEGES],"
		" columns: [id, v]}\n"
		"  - {on: schema public, to: app, privileges: [usage]}\n"
		"default_privileges:\n"
		"  - {on: sequences, to: app, privileges: [All]}\n"
		"  - {on: types, to: app, privileges: [usage]}\n";
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	const sd_logic *l;
	char *lines[64];
	sd_buf b = SD_BUF_INIT;
	size_t i;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml),
	                                     "models.yaml", NULL, &err),
	                 SD_OK);
	l = sd_schema_logic(s);
	ck_assert_uint_le(l->ngrants, SD_ARRAY_LEN(lines));
	for (i = 0; i < l->ngrants; i++) {
		const sd_grant *g = l->grants[i];
		sd_buf one = SD_BUF_INIT;
		sd_buf_printf(&one, "%s %s%s%s%s %s to %s", g->on, g->base.name,
		              g->column ? " (" : "", g->column ? g->column : "",
		              g->column ? ")" : "", g->privilege, g->grantee);
		lines[i] = sd_buf_detach(&one);
	}
	qsort(lines, l->ngrants, sizeof(lines[0]), cmp_names);
	for (i = 0; i < l->ngrants; i++) {
		sd_buf_printf(&b, "%s\n", lines[i]);
		free(lines[i]);
	}
	ck_assert_str_eq(sd_buf_cstr(&b),
	                 "default sequences  SELECT to app\n"
	                 "default sequences  UPDATE to app\n"
	                 "default sequences  USAGE to app\n"
	                 "default types  USAGE to app\n"
	                 "schema public USAGE to app\n"
	                 "table t (id) DELETE to col\n"
	                 "table t (id) INSERT to col\n"
	                 "table t (id) REFERENCES to col\n"
	                 "table t (id) SELECT to col\n"
	                 "table t (id) TRIGGER to col\n"
	                 "table t (id) TRUNCATE to col\n"
	                 "table t (id) UPDATE to col\n"
	                 "table t (v) DELETE to col\n"
	                 "table t (v) INSERT to col\n"
	                 "table t (v) REFERENCES to col\n"
	                 "table t (v) SELECT to col\n"
	                 "table t (v) TRIGGER to col\n"
	                 "table t (v) TRUNCATE to col\n"
	                 "table t (v) UPDATE to col\n"
	                 "table t DELETE to app\n"
	                 "table t INSERT to app\n"
	                 "table t REFERENCES to app\n"
	                 "table t SELECT to app\n"
	                 "table t TRIGGER to app\n"
	                 "table t TRUNCATE to app\n"
	                 "table t UPDATE to app\n");
	sd_buf_free(&b);
	sd_schema_free(s);
	sd_error_clear(&err);
}
END_TEST

START_TEST(event_triggers_load)
{
	static const char yaml[] =
		"event_triggers:\n"
		"  - name: log_ddl\n"
		"    event: ddl_command_end\n"
		"    tags: [create table, CREATE TABLE, Alter Table]\n"
		"    function: public.log_ddl()\n"
		"    comment: records DDL\n"
		"  - {name: guard, event: sql_drop, function: audit.no_drops,"
		" enabled: always}\n"
		"  - {name: off, event: table_rewrite, function: f,"
		" enabled: false}\n";
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	const sd_logic *l;
	const sd_event_trigger *t;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml),
	                                     "models.yaml", NULL, &err),
	                 SD_OK);
	l = sd_logic_of(s);
	ck_assert_uint_eq(l->nevent_triggers, 3);
	/* sorted by name */
	t = l->event_triggers[1];
	ck_assert_str_eq(t->base.name, "log_ddl");
	ck_assert_ptr_null(t->base.schema);
	ck_assert_str_eq(t->event, "ddl_command_end");
	ck_assert_uint_eq(t->tags.n, 2);
	ck_assert_str_eq(t->tags.items[0], "CREATE TABLE");
	ck_assert_str_eq(t->tags.items[1], "ALTER TABLE");
	ck_assert_str_eq(t->function, "log_ddl");
	ck_assert_int_eq(t->enabled, 'O');
	ck_assert_str_eq(t->comment, "records DDL");
	ck_assert_int_eq(t->base.loc.line, 2);
	t = l->event_triggers[0];
	ck_assert_str_eq(t->function, "audit.no_drops");
	ck_assert_int_eq(t->enabled, 'A');
	ck_assert_uint_eq(t->tags.n, 0);
	ck_assert_int_eq(l->event_triggers[2]->enabled, 'D');
	{
		sd_buf b = SD_BUF_INIT;
		sd_schema_dump(&b, s);
		ck_assert_str_eq(
			sd_buf_cstr(&b),
			"event trigger guard sql_drop enabled=A () "
			"function=audit.no_drops\n"
			"event trigger log_ddl ddl_command_end enabled=O "
			"(CREATE TABLE, ALTER TABLE) function=log_ddl "
			"comment=[records DDL]\n"
			"event trigger off table_rewrite enabled=D () "
			"function=f\n");
		sd_buf_free(&b);
	}
	sd_schema_free(s);
	sd_error_clear(&err);

	EXPECT_ERRORS(
		"event_triggers:\n"
		"  - {name: a, event: ddl_command, function: f}\n"
		"  - {name: b, event: sql_drop, function: \"f(integer)\"}\n"
		"  - {name: c, event: sql_drop, function: f, enabled: maybe}\n"
		"  - {name: d, event: sql_drop, function: f, tags: [\"\"]}\n"
		"  - {name: d, event: sql_drop, function: f}\n"
		"  - {name: \"\", event: sql_drop, function: f}\n",
		"models.yaml:2: a: bad event 'ddl_command': expected "
		"ddl_command_start, ddl_command_end, sql_drop, table_rewrite\n"
		"models.yaml:3: b: bad function 'f(integer)': expected "
		"[schema.]name of a function without arguments\n"
		"models.yaml:4: c: bad enabled 'maybe': expected origin, "
		"enabled, true, disabled, false, always, replica\n"
		"models.yaml:5: d: empty tag\n"
		"models.yaml:7: empty event trigger name\n"
		"models.yaml:6: d: duplicate event trigger 'd' (first declared "
		"at models.yaml:5)\n");
}
END_TEST

START_TEST(table_settings_load)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: queue\n"
		"    unlogged: true\n"
		"    with: {fillfactor: 70, Autovacuum_Enabled: off,"
		" toast.autovacuum_enabled: false}\n"
		"    replica_identity: USING INDEX pk_queue\n"
		"    cluster_on: ux_queue_code\n"
		"    columns:\n"
		"      - {name: id, type: bigint, primary_key: true}\n"
		"      - {name: code, type: text, statistics: 0,"
		" compression: LZ4, options: {n_distinct: -0.5}}\n"
		"      - {name: body, type: text, storage: Extended}\n"
		"      - {name: doc, type: tsvector, storage: main}\n"
		"    indexes:\n"
		"      - {name: ux_queue_code, columns: [code], unique: true}\n"
		"  - name: other\n"
		"    replica_identity: full\n"
		"    columns: [{name: id, type: integer}]\n";
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	const sd_table *t;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml),
	                                     "models.yaml", NULL, &err),
	                 SD_OK);
	t = sd_schema_find_table(s, NULL, "queue");
	ck_assert(t->unlogged);
	ck_assert_uint_eq(t->with.n, 3);
	ck_assert_str_eq(t->with.items[0], "fillfactor=70");
	ck_assert_str_eq(t->with.items[1], "autovacuum_enabled=off");
	ck_assert_str_eq(t->with.items[2], "toast.autovacuum_enabled=false");
	ck_assert_int_eq(t->replica_identity, SD_REPLICA_INDEX);
	ck_assert_str_eq(t->replica_index, "pk_queue");
	ck_assert_str_eq(t->cluster_on, "ux_queue_code");
	ck_assert(sd_column_x(sd_table_find_column(t, "code"))->statistics_set);
	ck_assert_int_eq(sd_column_x(sd_table_find_column(t, "code"))->statistics, 0);
	ck_assert_str_eq(sd_column_x(sd_table_find_column(t, "code"))->compression, "lz4");
	ck_assert_uint_eq(sd_column_x(sd_table_find_column(t, "code"))->options.n, 1);
	ck_assert_str_eq(sd_column_x(sd_table_find_column(t, "code"))->options.items[0],
	                 "n_distinct=-0.5");
	ck_assert_int_eq(sd_column_x(sd_table_find_column(t, "body"))->storage, 0);
	ck_assert_int_eq(sd_column_x(sd_table_find_column(t, "doc"))->storage, 'm');
	ck_assert(!sd_column_x(sd_table_find_column(t, "id"))->statistics_set);
	ck_assert_int_eq(sd_schema_find_table(s, NULL, "other")
	                     ->replica_identity,
	                 SD_REPLICA_FULL);
	sd_schema_free(s);
	sd_error_clear(&err);

	EXPECT_ERRORS(
		"tables:\n"
		"  - name: t\n"
		"    replica_identity: sometimes\n"
		"    cluster_on: ix_missing\n"
		"    columns:\n"
		"      - {name: a, type: text, storage: compressed,"
		" compression: zstd, statistics: 20000}\n"
		"      - {name: b, type: text, options: {n_distinct: lots,"
		" fillfactor: 5}}\n"
		"      - {name: c, type: text, options: [n_distinct]}\n"
		"    statistics:\n"
		"      - {name: s1, columns: [a], kinds: [mcv, histogram]}\n"
		"      - {name: s2, expressions: [\"lower(a)\"], kinds: [mcv],"
		" target: 20000}\n"
		"      - {name: s3, columns: [a, nope]}\n",
		"models.yaml:3: t: 'replica_identity' must be default, full, "
		"nothing or 'using index NAME', not 'sometimes'\n"
		"models.yaml:6: t.a: 'storage' must be plain, external, "
		"extended or main, not 'compressed'\n"
		"models.yaml:6: t.a: 'compression' must be pglz or lz4, not "
		"'zstd'\n"
		"models.yaml:6: t.a: 'statistics' must be a number from 0 to "
		"10000 (-1: the default), not '20000'\n"
		"models.yaml:7: t.b: column option 'n_distinct' must be a "
		"number, not 'lots'\n"
		"models.yaml:7: t.b: unknown column option 'fillfactor' "
		"(n_distinct, n_distinct_inherited)\n"
		"models.yaml:8: t.c: 'options' must be a mapping "
		"({n_distinct: 1000})\n"
		"models.yaml:10: t: statistics 's1' needs two or more columns "
		"and expressions, or one expression alone\n"
		"models.yaml:10: t: statistics 's1': unknown kind 'histogram' "
		"(ndistinct, dependencies, mcv)\n"
		"models.yaml:11: t: statistics 's2' on one expression takes no "
		"kinds\n"
		"models.yaml:11: t: statistics 's2': 'target' must be a number "
		"from 0 to 10000 (-1: the default), not '20000'\n"
		"models.yaml:12: t: statistics 's3' names missing column "
		"'nope'\n"
		"models.yaml:4: t: 'cluster_on' names index 'ix_missing', "
		"which table 't' does not have\n");
}
END_TEST

START_TEST(value_type_errors)
{
	EXPECT_ERRORS("tables:\n"
	              "  - name: users\n"
	              "    columns:\n"
	              "      - {name: id, type: integer, nullable: perhaps}\n",
	              "models.yaml:4:45: users.id: 'nullable' must be true or "
	              "false, not 'perhaps'\n");
	EXPECT_ERRORS("tables:\n"
	              "  - name: users\n"
	              "    columns: {name: id}\n",
	              "models.yaml:3:14: users: 'columns' must be a list\n");
	EXPECT_ERRORS("enums:\n"
	              "  - name: e\n"
	              "    values: [[a]]\n",
	              "models.yaml:3:14: e: each entry must be a single "
	              "value\n");
	EXPECT_ERRORS("tables:\n"
	              "  - name: users\n"
	              "    columns:\n"
	              "      - {name: id}\n",
	              "models.yaml:4:9: users.id: missing required key "
	              "'type'\n");
	EXPECT_ERRORS("tables: [\n",
	              "models.yaml:2:1: YAML syntax error: while parsing a flow "
	              "node did not find expected node content\n");
}
END_TEST

START_TEST(every_semantic_problem_reported)
{
	EXPECT_ERRORS(
		"enums:\n"
		"  - {name: st, values: [a, b, a]}\n"
		"tables:\n"
		"  - name: users\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true, nullable: "
		"true}\n"
		"      - {name: email, type: strng(120)}\n"
		"      - {name: email, type: text}\n"
		"      - {name: s, type: enum(sts)}\n"
		"      - {name: c, type: text, identity: always}\n"
		"      - {name: o, type: integer, references: orgs.id, on_delete: "
		"nothing}\n"
		"    indexes:\n"
		"      - {name: ix_x, columns: [emial]}\n"
		"  - name: users\n"
		"    columns: [{name: id, type: integer}]\n",
		"models.yaml:2: st: duplicate value 'a' in enum 'st'\n"
		"models.yaml:6: users.id: primary key column 'id' cannot be "
		"nullable\n"
		"models.yaml:7: users.email: unknown type 'strng(120)' (did you "
		"mean 'string'?)\n"
		"models.yaml:8: users.email: duplicate column 'email'\n"
		"models.yaml:10: users.c: identity needs an integer column, not "
		"'text'\n"
		"models.yaml:14: users: duplicate table 'users' (first declared at "
		"models.yaml:4)\n"
		"models.yaml:9: users.s: unknown enum 'sts' in type 'enum(sts)' "
		"(did you mean 'st'?)\n"
		"models.yaml:13: users: index names missing column 'emial' (did "
		"you mean 'email'?)\n"
		"models.yaml:11: users.o: bad on_delete value 'nothing': expected "
		"no action, restrict, cascade, set null or set default\n");
}
END_TEST

START_TEST(names_unique_per_namespace)
{
	/* same index name in two schemas is fine, twice in one is not */
	static const char ok[] =
		"tables:\n"
		"  - {name: a, schema: s1, columns: [{name: x, type: text}],"
		" indexes: [{name: ix, columns: [x]}]}\n"
		"  - {name: a, schema: s2, columns: [{name: x, type: text}],"
		" indexes: [{name: ix, columns: [x]}]}\n";
	sd_schema *s = NULL;

	ck_assert_int_eq(sd_models_load_data(&s, ok, strlen(ok), "m.yaml", NULL,
	                                     NULL),
	                 SD_OK);
	ck_assert_uint_eq(s->namespaces.n, 2);
	sd_schema_free(s);
	EXPECT_ERRORS("tables:\n"
	              "  - {name: a, columns: [{name: x, type: text}],"
	              " indexes: [{name: ix, columns: [x]}]}\n"
	              "  - {name: b, schema: public, columns: [{name: x, type: "
	              "text}],\n"
	              "     unique: [{name: ix, columns: [x]}]}\n",
	              "models.yaml:4: b: duplicate constraint name 'ix' "
	              "(already used on table 'a' at models.yaml:2)\n");
}
END_TEST

/* Every case of testdata/bad/models: exit code and message fragment. */
START_TEST(bad_models_corpus)
{
	char *dir = src_path("testdata/bad/models");
	char **cases = list_dir(dir, "", true);
	size_t i, n = 0;

	for (i = 0; cases[i]; i++) {
		sd_buf mp = SD_BUF_INIT, ep = SD_BUF_INIT;
		sd_error err = SD_ERROR_INIT;
		sd_schema *s = NULL;
		char *expect = NULL, *nl, *errs;
		int code, rc;

		sd_buf_printf(&mp, "%s/%s/models.yaml", dir, cases[i]);
		sd_buf_printf(&ep, "%s/%s/expect", dir, cases[i]);
		ck_assert_int_eq(sd_file_read(&expect, NULL, ep.data, NULL),
		                 SD_OK);
		code = atoi(expect);
		nl = strchr(expect, '\n');
		ck_assert_ptr_nonnull(nl);
		nl++;
		nl[strcspn(nl, "\n")] = '\0';
		ck_assert_msg(*nl, "%s: empty message fragment", cases[i]);
		rc = sd_models_load(&s, mp.data, NULL, &err);
		errs = diags(&err);
		ck_assert_msg(rc == code, "%s: exit %d, expected %d", cases[i],
		              rc, code);
		ck_assert_ptr_null(s);
		ck_assert_msg(strstr(errs, nl) != NULL,
		              "%s: expected '%s' in:\n%s", cases[i], nl, errs);
		free(errs);
		free(expect);
		sd_error_clear(&err);
		sd_buf_free(&mp);
		sd_buf_free(&ep);
		n++;
	}
	ck_assert_uint_ge(n, 40);
	free_list(cases);
	free(dir);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Config                                                              */
/* ------------------------------------------------------------------ */

START_TEST(config_defaults)
{
	sd_config *c = sd_config_default("/proj");
	sd_config *e = NULL;
	sd_error err = SD_ERROR_INIT;

	ck_assert_str_eq(c->database, "sqlite:///app.db");
	ck_assert_str_eq(c->models, "/proj/models.yaml");
	ck_assert_str_eq(c->versions, "/proj/migrations/versions");
	ck_assert_str_eq(c->format, "sql");
	ck_assert_str_eq(c->version_table, "schemadiff_version");
	/* nothing ignored: another tool's bookkeeping is the differ's
	 * (sd_table_is_tool) */
	ck_assert_ptr_null(c->ignore[0]);
	ck_assert(sd_table_is_tool("alembic_version"));
	ck_assert(!sd_table_is_tool("alembic_versions"));
	ck_assert_str_eq(c->naming.pk, "pk_%(table)");
	ck_assert_str_eq(c->naming.fk, "fk_%(table)_%(columns)_%(ref_table)");
	ck_assert_ptr_null(c->path);
	ck_assert_ptr_null(c->cache); /* the user's cache directory */
	sd_config_free(c);
	sd_config_free(NULL);

	/* an empty file is all defaults, relative to its directory */
	ck_assert_int_eq(sd_config_load_data(&e, "", 0, "proj/schemadiff.yaml",
	                                     &err),
	                 SD_OK);
	ck_assert_str_eq(e->dir, "proj");
	ck_assert_str_eq(e->models, "proj/models.yaml");
	ck_assert_str_eq(e->versions, "proj/migrations/versions");
	ck_assert_str_eq(e->path, "proj/schemadiff.yaml");
	sd_config_free(e);
	ck_assert(!sd_error_has(&err));
}
END_TEST

START_TEST(config_full)
{
	static const char yaml[] =
		"database: postgresql://app@localhost:5432/app\n"
		"models: models\n"
		"versions: /abs/versions\n"
		"format: c\n"
		"version_table: my_versions\n"
		"ignore: [spatial_ref_sys, \"legacy_*\"]\n"
		"naming:\n"
		"  pk: \"%(table)_pkey\"\n"
		"  ix: \"%(table)_%(column_0_name)_idx\"\n";
	sd_config *c = NULL;
	sd_error err = SD_ERROR_INIT;

	ck_assert_int_eq(sd_config_load_data(&c, yaml, strlen(yaml),
	                                     "/srv/app/schemadiff.yaml", &err),
	                 SD_OK);
	ck_assert_str_eq(c->database, "postgresql://app@localhost:5432/app");
	ck_assert_str_eq(c->models, "/srv/app/models");
	ck_assert_str_eq(c->versions, "/abs/versions");
	ck_assert_str_eq(c->format, "c");
	ck_assert_str_eq(c->version_table, "my_versions");
	ck_assert_str_eq(c->ignore[0], "spatial_ref_sys");
	ck_assert_str_eq(c->ignore[1], "legacy_*");
	ck_assert_ptr_null(c->ignore[2]);
	ck_assert_str_eq(c->naming.pk, "%(table)_pkey");
	ck_assert_str_eq(c->naming.ix, "%(table)_%(column_0_name)_idx");
	ck_assert_str_eq(c->naming.uq, "uq_%(table)_%(columns)");
	ck_assert_str_eq(c->dir, "/srv/app");
	sd_config_free(c);
}
END_TEST


static char *config_errors(const char *yaml)
{
	sd_config *c = (sd_config *)0x1;
	sd_error err = SD_ERROR_INIT;
	char *errs;

	ck_assert_int_eq(sd_config_load_data(&c, yaml, strlen(yaml),
	                                     "schemadiff.yaml", &err),
	                 SD_EINPUT);
	ck_assert_ptr_eq(c, (sd_config *)0x1);
	errs = diags(&err);
	sd_error_clear(&err);
	return errs;
}

#define EXPECT_CONFIG_ERRORS(yaml, expected)                                 \
	do {                                                                 \
		char *e_ = config_errors(yaml);                              \
		ck_assert_str_eq(e_, expected);                              \
		free(e_);                                                    \
	} while (0)

START_TEST(config_errors_have_lines)
{
	EXPECT_CONFIG_ERRORS("database: sqlite:///x.db\n"
	                     "format: yaml\n",
	                     "schemadiff.yaml:2: 'format' must be sql or c, not "
	                     "'yaml'\n");
	EXPECT_CONFIG_ERRORS("database: sqlite:///x.db\n"
	                     "\n"
	                     "verions: migrations\n",
	                     "schemadiff.yaml:3:1: unknown key 'verions' (did you "
	                     "mean 'versions'?)\n");
	EXPECT_CONFIG_ERRORS("naming:\n"
	                     "  pk: pk_%(table)\n"
	                     "  iz: x\n",
	                     "schemadiff.yaml:3:3: unknown key 'iz' (did you mean "
	                     "'ix'?)\n");
	EXPECT_CONFIG_ERRORS("naming:\n"
	                     "  fk: \"fk_%(tabel)\"\n",
	                     "schemadiff.yaml:2: unknown placeholder '%(tabel)' in "
	                     "naming.fk (use %(table), %(columns), "
	                     "%(column_0_name), %(ref_table) or "
	                     "%(constraint_name))\n");
	EXPECT_CONFIG_ERRORS("ignore: legacy_*\n",
	                     "schemadiff.yaml:1:9: 'ignore' must be a list\n");
	EXPECT_CONFIG_ERRORS("version_table: [a]\n",
	                     "schemadiff.yaml:1:16: 'version_table' must be a "
	                     "single value\n");
	/* written but empty is not the same as left out */
	EXPECT_CONFIG_ERRORS("format: \"\"\nmodels: ''\n",
	                     "schemadiff.yaml:2: 'models' must not be empty\n"
	                     "schemadiff.yaml:1: 'format' must not be empty\n");
	EXPECT_CONFIG_ERRORS("naming:\n  pk: ~\n",
	                     "schemadiff.yaml:2: 'naming.pk' must not be empty\n");
	/* found by fuzzing: aliases of aliases expand exponentially */
	EXPECT_CONFIG_ERRORS("&e\n*e:\n*e:\nedloc:J*:",
	                     "schemadiff.yaml:2:1: YAML aliases (*e) are not "
	                     "supported: write the value out\n");
	EXPECT_CONFIG_ERRORS("database: &d sqlite:///x.db\nmodels: *d\n",
	                     "schemadiff.yaml:2:9: YAML aliases (*d) are not "
	                     "supported: write the value out\n");
}
END_TEST

/* `cache:` is a path: absolute, relative to the config, or below $HOME. */
START_TEST(config_cache)
{
	sd_config *c = NULL;
	sd_error err = SD_ERROR_INIT;
	const char *home = getenv("HOME");
	char want[600];

	ck_assert_int_eq(sd_config_load_data(&c, "cache: /var/cache/sd\n", 20,
	                                     "/srv/app/schemadiff.yaml", &err),
	                 SD_OK);
	ck_assert_str_eq(c->cache, "/var/cache/sd");
	sd_config_free(c);
	ck_assert_int_eq(sd_config_load_data(&c, "cache: ../objs\n", 15,
	                                     "/srv/app/schemadiff.yaml", &err),
	                 SD_OK);
	ck_assert_str_eq(c->cache, "/srv/app/../objs");
	sd_config_free(c);
	if (home && *home) {
		ck_assert_int_eq(sd_config_load_data(&c, "cache: ~/x/sd\n", 14,
		                                     "/srv/app/schemadiff.yaml",
		                                     &err),
		                 SD_OK);
		snprintf(want, sizeof(want), "%s/x/sd", home);
		ck_assert_str_eq(c->cache, want);
		sd_config_free(c);
	}
	ck_assert(!sd_error_has(&err));
	EXPECT_CONFIG_ERRORS("cache: ''\n",
	                     "schemadiff.yaml:1: 'cache' must not be empty\n");
	EXPECT_CONFIG_ERRORS("cahce: /x\n",
	                     "schemadiff.yaml:1:1: unknown key 'cahce' (did you "
	                     "mean 'cache'?)\n");
}
END_TEST

START_TEST(config_from_file)
{
	char tmpl[] = "/tmp/sd_cfg_XXXXXX";
	char *dir = mkdtemp(tmpl);
	char path[512], want[600];
	sd_config *c = NULL;
	sd_error err = SD_ERROR_INIT;

	snprintf(path, sizeof(path), "%s/schemadiff.yaml", dir);
	write_file(path, "models: models/\nformat: sql\n");
	ck_assert_int_eq(sd_config_load(&c, path, &err), SD_OK);
	snprintf(want, sizeof(want), "%s/models/", dir);
	ck_assert_str_eq(c->models, want);
	ck_assert_str_eq(c->path, path);
	sd_config_free(c);
	unlink(path);
	ck_assert_int_ne(sd_config_load(&c, path, &err), SD_OK);
	ck_assert(sd_error_has(&err));
	sd_error_clear(&err);
	rmdir(dir);
}
END_TEST

/* ------------------------------------------------------------------ */
/* JSON Schema                                                         */
/* ------------------------------------------------------------------ */

static const cJSON *resolve(const cJSON *doc, const cJSON *node)
{
	const cJSON *ref = cJSON_GetObjectItemCaseSensitive(node, "$ref");

	while (ref && cJSON_IsString(ref)) {
		const char *p = ref->valuestring;
		ck_assert_msg(sd_startswith(p, "#/definitions/"), "ref %s", p);
		node = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(doc, "definitions"),
			p + strlen("#/definitions/"));
		ck_assert_msg(node != NULL, "dangling %s", p);
		ref = cJSON_GetObjectItemCaseSensitive(node, "$ref");
	}
	return node;
}

/* The object schema for a where-string such as "tables[].columns[]". */
static const cJSON *schema_at(const cJSON *doc, const char *where)
{
	const cJSON *node = doc;
	char part[128];

	while (*where) {
		size_t n = strcspn(where, ".[");
		const cJSON *props;
		memcpy(part, where, n);
		part[n] = '\0';
		where += n;
		node = resolve(doc, node);
		props = cJSON_GetObjectItemCaseSensitive(node, "properties");
		node = cJSON_GetObjectItemCaseSensitive(props, part);
		ck_assert_msg(node != NULL, "no property %s", part);
		node = resolve(doc, node);
		if (sd_startswith(where, "[]")) {
			node = resolve(doc, cJSON_GetObjectItemCaseSensitive(
						    node, "items"));
			where += 2;
		}
		if (*where == '.')
			where++;
	}
	node = resolve(doc, node);
	/* a union (primary_key): the mapping alternative */
	if (!cJSON_GetObjectItemCaseSensitive(node, "properties")) {
		const cJSON *alt;
		cJSON_ArrayForEach(alt, cJSON_GetObjectItemCaseSensitive(
						node, "oneOf"))
		{
			const cJSON *r = resolve(doc, alt);
			if (cJSON_GetObjectItemCaseSensitive(r, "properties"))
				return r;
		}
	}
	return node;
}

START_TEST(json_schema_matches_key_table)
{
	char *path = src_path("schemas/models.schema.json");
	char *text = NULL;
	cJSON *doc;
	size_t i, nplaces = 0;

	ck_assert_int_eq(sd_file_read(&text, NULL, path, NULL), SD_OK);
	doc = cJSON_Parse(text);
	ck_assert_msg(doc != NULL, "models.schema.json does not parse");
	ck_assert_str_eq(
		cJSON_GetObjectItemCaseSensitive(doc, "$schema")->valuestring,
		"http://json-schema.org/draft-07/schema#");
	for (i = 0; sd_model_key_table[i].where; i++) {
		const cJSON *obj = schema_at(doc, sd_model_key_table[i].where);
		const cJSON *props =
			cJSON_GetObjectItemCaseSensitive(obj, "properties");
		const cJSON *p, *extra;
		size_t k, nkeys = 0;

		ck_assert_msg(props != NULL, "%s: no properties",
		              sd_model_key_table[i].where);
		extra = cJSON_GetObjectItemCaseSensitive(obj,
		                                         "additionalProperties");
		ck_assert_msg(cJSON_IsFalse(extra),
		              "%s: additionalProperties must be false",
		              sd_model_key_table[i].where);
		for (k = 0; sd_model_key_table[i].fields[k].key; k++) {
			ck_assert_msg(cJSON_GetObjectItemCaseSensitive(
					      props, sd_model_key_table[i].fields[k].key),
			              "%s: key %s missing from the JSON Schema",
			              sd_model_key_table[i].where,
			              sd_model_key_table[i].fields[k].key);
			nkeys++;
		}
		cJSON_ArrayForEach(p, props)
		{
			bool known = false;
			for (k = 0; sd_model_key_table[i].fields[k].key; k++)
				if (strcmp(p->string,
				           sd_model_key_table[i].fields[k].key) == 0)
					known = true;
			ck_assert_msg(known, "%s: JSON Schema has key %s that the "
			                     "loader does not accept",
			              sd_model_key_table[i].where, p->string);
		}
		ck_assert_uint_eq((size_t)cJSON_GetArraySize(props), nkeys);
		nplaces++;
	}
	ck_assert_uint_eq(nplaces, 41);
	cJSON_Delete(doc);
	free(text);
	free(path);
}
END_TEST

/* Every key the table lists is accepted by the loader at that place. */
START_TEST(key_table_keys_are_accepted)
{
	static const char yaml[] =
		"enums:\n"
		"  - {name: e, schema: s, values: [a], comment: c}\n"
		"tables:\n"
		"  - name: p\n"
		"    columns: [{name: id, type: integer}]\n"
		"    primary_key: {name: pk_p, columns: [id]}\n"
		"  - name: t\n"
		"    schema: public\n"
		"    comment: c\n"
		"    renamed_from: old_t\n"
		"    columns:\n"
		"      - {name: id, type: bigint, nullable: false, primary_key: "
		"true, unique: true, default: '1', references: p.id,\n"
		"         on_delete: cascade, on_update: restrict, identity: by "
		"default, generated: null, collation: C,\n"
		"         comment: c, renamed_from: old, backfill: '0'}\n"
		"      - {name: r, type: integer}\n"
		"    indexes:\n"
		"      - {name: i, columns: [r], expressions: [r+1], unique: true, "
		"where: r > 0, using: btree, include: [id],\n"
		"         nulls_not_distinct: true, comment: c}\n"
		"    unique:\n"
		"      - {name: u, columns: [r], nulls_not_distinct: false, "
		"deferrable: true, initially_deferred: true, comment: c}\n"
		"    foreign_keys:\n"
		"      - {name: f, columns: [r], references: {table: p, columns: "
		"[id]}, on_delete: set null,\n"
		"         on_update: set default, deferrable: false, "
		"initially_deferred: false, comment: c}\n"
		"    checks:\n"
		"      - {name: k, expression: r > 0, comment: c}\n";
	sd_schema *s = load_ok(yaml);

	ck_assert_str_eq(s->tables[1]->primary_key->base.name, "pk_t");
	ck_assert_str_eq(s->tables[0]->primary_key->base.name, "pk_p");
	ck_assert_int_eq(s->tables[1]->columns[0]->identity,
	                 SD_IDENTITY_BY_DEFAULT);
	sd_schema_free(s);
}
END_TEST

/* renamed_values: pairs kept in order; a hint that names no label, or
 * an old label still in use, or one label twice, is an error. */
START_TEST(enum_renamed_values)
{
	static const char yaml[] =
		"enums:\n"
		"  - name: st\n"
		"    values: [new, paid, sent]\n"
		"    renamed_values:\n"
		"      - {name: paid, renamed_from: payed}\n"
		"      - {name: sent, renamed_from: shipped}\n";
	sd_schema *s = load_ok(yaml);

	ck_assert_uint_eq(s->enums[0]->renamed_values.n, 4);
	ck_assert_str_eq(s->enums[0]->renamed_values.items[0], "paid");
	ck_assert_str_eq(s->enums[0]->renamed_values.items[1], "payed");
	ck_assert_str_eq(s->enums[0]->renamed_values.items[3], "shipped");
	sd_schema_free(s);

	EXPECT_ERRORS("enums:\n"
	              "  - name: st\n"
	              "    values: [new, paid]\n"
	              "    renamed_values:\n"
	              "      - {name: payd, renamed_from: payed}\n"
	              "      - {name: paid, renamed_from: new}\n"
	              "      - {name: paid, renamed_from: payed}\n"
	              "      - {name: paid, renamed_from: pay}\n",
	              "models.yaml:5: st: renamed value 'payd' is not a value "
	              "of enum 'st'\n"
	              "models.yaml:6: st: value 'paid' of enum 'st' cannot be "
	              "renamed from 'new': that is still a value of the enum\n"
	              "models.yaml:8: st: enum 'st' renames value 'paid' or "
	              "'pay' twice\n");
}
END_TEST


/* partition_names on an index and the keys of a partitioned table,
 * sorted by partition; the names PostgreSQL would give the copies. */
START_TEST(partition_names_load)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: events\n"
		"    partition_by: RANGE (created_at)\n"
		"    columns:\n"
		"      - {name: id, type: bigint, nullable: false}\n"
		"      - {name: created_at, type: timestamptz, nullable: false}\n"
		"      - {name: kind, type: text}\n"
		"    primary_key: {name: events_pkey, columns: [id, created_at],"
		" partition_names: {ops.events_2025: ev25_pk,"
		" events_2024: ev24_pk}}\n"
		"    unique:\n"
		"      - {name: events_kind_uq, columns: [kind, created_at],"
		" partition_names: {events_2024: ev24_kind}}\n"
		"    indexes:\n"
		"      - {name: idx_ev_created, columns: [created_at],"
		" partition_names: {events_2024: events_2024_created_custom}}\n"
		"      - {name: idx_ev_kind, expressions: [lower(kind)]}\n"
		"      - {name: idx_ev_kind_cast, expressions: [(kind)::varchar]}\n";
	sd_error err = SD_ERROR_INIT;
	sd_schema *s = NULL;
	const sd_table *t;
	const sd_strlist *l;
	sd_arena *a = sd_arena_new();

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml),
	                                     "models.yaml", NULL, &err),
	                 SD_OK);
	t = sd_schema_find_table(s, NULL, "events");
	l = &t->primary_key->storage.partition_names;
	ck_assert_uint_eq(l->n, 4);
	ck_assert_str_eq(l->items[0], "events_2024");
	ck_assert_str_eq(l->items[1], "ev24_pk");
	ck_assert_str_eq(l->items[2], "ops.events_2025");
	ck_assert_str_eq(l->items[3], "ev25_pk");
	ck_assert_str_eq(sd_partition_name_of(&t->uniques[0]->storage,
	                                      "events_2024"),
	                 "ev24_kind");
	ck_assert_ptr_null(sd_partition_name_of(&t->indexes[0]->storage,
	                                        "events_2025"));
	ck_assert_str_eq(sd_pg_partition_index_name(
	                     a, "events_2024", &t->primary_key->base),
	                 "events_2024_pkey");
	ck_assert_str_eq(sd_pg_partition_index_name(a, "events_2024",
	                                            &t->uniques[0]->base),
	                 "events_2024_kind_created_at_key");
	ck_assert_str_eq(sd_pg_partition_index_name(a, "events_2024",
	                                            &t->indexes[0]->base),
	                 "events_2024_created_at_idx");
	ck_assert_str_eq(sd_pg_partition_index_name(a, "events_2024",
	                                            &t->indexes[1]->base),
	                 "events_2024_lower_idx");
	ck_assert_ptr_null(sd_pg_partition_index_name(a, "events_2024",
	                                              &t->indexes[2]->base));
	/* cut to 63 bytes, the longer part first (as the server cuts it) */
	ck_assert_str_eq(
		sd_pg_partition_index_name(
			a, "events_partition_for_the_year_two_thousand_twenty_four",
			&t->uniques[0]->base),
		"events_partition_for_the_year_two_thousand__kind_created_at_key");
	sd_schema_free(s);
	sd_error_clear(&err);
	sd_arena_free(a);

	EXPECT_ERRORS(
		"tables:\n"
		"  - name: t\n"
		"    columns: [{name: a, type: text}]\n"
		"    indexes:\n"
		"      - {name: ix_t_a, columns: [a], partition_names: [t_1]}\n"
		"      - {name: ix_t_b, columns: [a],"
		" partition_names: {t_1: x, t_1: y}}\n",
		"models.yaml:5:55: t: 'partition_names' must be a mapping of "
		"partitions to index names ({events_2024: "
		"events_2024_created_idx})\n"
		"models.yaml:6:64: t: partition 't_1' named twice in "
		"'partition_names'\n");
}
END_TEST

/* A column's rarely set fields: defaults without a block, the block
 * added on first set, and a copy of the column that sets one gets a
 * block of its own while the original keeps its values. */
START_TEST(column_ext_copy_on_write)
{
	sd_schema *s = sd_schema_new();
	sd_table *t = sd_schema_add_table(s, NULL, "accounts");
	sd_column *c = sd_table_add_column(s, t, "email");
	sd_column *copy;

	ck_assert_ptr_null(c->ext);
	ck_assert_ptr_null(sd_column_x(c)->comment);
	ck_assert(!sd_column_x(c)->statistics_set);
	SD_COLUMN_XSET(s->arena, c, comment, NULL);
	ck_assert_ptr_null(c->ext); /* a NULL adds no block */
	SD_COLUMN_XSET(s->arena, c, comment, "Contact address");
	ck_assert_ptr_nonnull(c->ext);
	ck_assert_ptr_eq(sd_column_xw(s->arena, c), c->ext); /* its own */

	copy = sd_arena_alloc(s->arena, sizeof(*copy));
	*copy = *c;
	ck_assert_str_eq(sd_column_x(copy)->comment, "Contact address");
	sd_column_xw(s->arena, copy)->collation = "C";
	ck_assert_ptr_ne(copy->ext, c->ext);
	ck_assert_str_eq(sd_column_x(copy)->comment, "Contact address");
	ck_assert_ptr_null(sd_column_x(c)->collation);
	sd_column_xw(s->arena, c)->comment = "Login";
	ck_assert_str_eq(sd_column_x(copy)->comment, "Contact address");
	ck_assert_str_eq(sd_object_comment(&c->base), "Login");
	ck_assert_uint_le(sizeof(sd_column), 112);
	sd_schema_free(s);
}
END_TEST


static Suite *model_suite(void)
{
	Suite *s = suite_create("model");

	SD_TEST(s, golden_models, 60);
	SD_TEST(s, enum_renamed_values, 60);
	SD_TEST(s, spec_shorthands, 60);
	SD_TEST(s, composite_key_no_autoincrement, 60);
	SD_TEST(s, identity_accepts_database_integer_spellings, 60);
	SD_TEST(s, integer_key_autoincrement_opt_out, 60);
	SD_TEST(s, custom_naming, 60);
	SD_TEST(s, column_ext_copy_on_write, 60);
	SD_TEST(s, directory_merges_files, 60);
	SD_TEST(s, directory_errors_name_their_file, 60);
	SD_TEST(s, missing_models_path, 60);
	SD_TEST(s, unknown_key_with_position_and_hint, 60);
	SD_TEST(s, aliases_refused, 60);
	SD_TEST(s, not_null_on_conflict_words, 60);
	SD_TEST(s, deep_nesting_refused_early, 60);
	SD_TEST(s, deepest_models_still_load, 60);
	SD_TEST(s, value_type_errors, 60);
	SD_TEST(s, table_settings_load, 60);
	SD_TEST(s, partition_names_load, 60);
	SD_TEST(s, event_triggers_load, 60);
	SD_TEST(s, all_privileges_expand, 60);
	SD_TEST(s, every_semantic_problem_reported, 60);
	SD_TEST(s, names_unique_per_namespace, 60);
	SD_TEST(s, bad_models_corpus, 60);
	SD_TEST(s, config_defaults, 60);
	SD_TEST(s, config_full, 60);
	SD_TEST(s, config_cache, 60);
	SD_TEST(s, config_errors_have_lines, 60);
	SD_TEST(s, config_from_file, 60);
	SD_TEST(s, json_schema_matches_key_table, 60);
	SD_TEST(s, key_table_keys_are_accepted, 60);
	return s;
}

SD_TEST_MAIN(model_suite)
