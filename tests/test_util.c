/*
 * test_util.c - arena, buffers, maps, errors, strings, hashing.
 */
#include <string.h>

#include "harness.h"
#include "util/util.h"

START_TEST(arena_strings)
{
	sd_arena *a = sd_arena_new();
	char *s = sd_arena_printf(a, "%s-%d", "x", 42);
	char *big = sd_arena_alloc(a, 1 << 20);

	ck_assert_str_eq(s, "x-42");
	ck_assert_ptr_nonnull(big);
	ck_assert_int_eq(big[(1 << 20) - 1], 0);
	ck_assert_ptr_null(sd_arena_strdup(a, NULL));
	sd_arena_free(a);
	sd_arena_free(NULL);
}
END_TEST

START_TEST(map_many)
{
	sd_arena *a = sd_arena_new();
	sd_map *m = sd_map_new(a, 0);
	char *keys[5000];
	int i;

	for (i = 0; i < 5000; i++) {
		keys[i] = sd_arena_printf(a, "t%d", i);
		ck_assert_ptr_null(sd_map_put(m, keys[i], keys[i]));
	}
	ck_assert_uint_eq(sd_map_count(m), 5000);
	for (i = 0; i < 5000; i++)
		ck_assert_ptr_eq(sd_map_get(m, keys[i]), keys[i]);
	ck_assert_ptr_null(sd_map_get(m, "nope"));
	sd_arena_free(a);
}
END_TEST

/* Small maps are searched in order and turn into hash tables past 16
 * entries: lookups, replacement and the empty key must survive each step. */
START_TEST(map_small_then_hashed)
{
	int expected[] = {0, 1, 3, 16, 17};
	size_t e;

	for (e = 0; e < sizeof(expected) / sizeof(expected[0]); e++) {
		sd_arena *a = sd_arena_new();
		sd_map *m = sd_map_new(a, (size_t)expected[e]);
		char *keys[40];
		int i, j;

		ck_assert_ptr_null(sd_map_get(m, "x"));
		ck_assert_uint_eq(sd_map_count(m), 0);
		for (i = 0; i < 40; i++) {
			keys[i] = i ? sd_arena_printf(a, "c%d", i)
			            : sd_arena_strdup(a, "");
			ck_assert_ptr_null(sd_map_put(m, keys[i], keys[i]));
			ck_assert_uint_eq(sd_map_count(m), (size_t)i + 1);
			for (j = 0; j <= i; j++)
				ck_assert_ptr_eq(sd_map_get(m, keys[j]),
				                 keys[j]);
			ck_assert_ptr_null(sd_map_get(m, "c99"));
			/* a put of a present key replaces, returns the old */
			ck_assert_ptr_eq(sd_map_put(m, keys[i / 2], a),
			                 keys[i / 2]);
			ck_assert_ptr_eq(sd_map_put(m, keys[i / 2],
			                            keys[i / 2]), a);
			ck_assert_uint_eq(sd_map_count(m), (size_t)i + 1);
		}
		sd_arena_free(a);
	}
}
END_TEST

START_TEST(error_format)
{
	sd_error err = SD_ERROR_INIT;
	sd_buf b = SD_BUF_INIT;

	ck_assert_int_eq(sd_error_add(&err, SD_EINPUT, "models.yaml", 12, 5,
	                              "users.email", "unknown type '%s'",
	                              "strng"),
	                 SD_EINPUT);
	sd_error_hint(&err, "did you mean '%s'?", "string");
	sd_diag_format(&b, err.first);
	ck_assert_str_eq(b.data, "models.yaml:12:5: users.email: unknown type "
	                         "'strng' (did you mean 'string'?)");
	ck_assert_int_eq(err.code, SD_EINPUT);
	sd_buf_free(&b);
	sd_error_clear(&err);
	ck_assert(!sd_error_has(&err));
}
END_TEST

START_TEST(suggest_and_slug)
{
	static const char *const cmds[] = {"upgrade", "downgrade", "init",
	                                   NULL};
	sd_buf b = SD_BUF_INIT;

	ck_assert_str_eq(sd_suggest("upgrad", cmds), "upgrade");
	ck_assert_ptr_null(sd_suggest("zzzzzz", cmds));
	sd_slugify(&b, "Add email to User!", 40);
	ck_assert_str_eq(b.data, "add_email_to_user");
	sd_buf_free(&b);
}
END_TEST

START_TEST(mask_password)
{
	sd_buf b = SD_BUF_INIT;

	sd_mask_password(&b, "could not connect to postgresql://bob:s3cret@db/x");
	ck_assert_str_eq(b.data, "could not connect to postgresql://bob:****@db/x");
	sd_buf_truncate(&b, 0);
	/* a control character inside the password does not stop masking */
	sd_mask_password(&b, "postgresql://bob:s3cr\vtssword@342/opp");
	ck_assert_str_eq(b.data, "postgresql://bob:****@342/opp");
	sd_buf_truncate(&b, 0);
	sd_mask_password(&b, "host=x password='a b' user=y");
	ck_assert_str_eq(b.data, "host=x password=**** user=y");
	sd_buf_free(&b);
}
END_TEST

START_TEST(sha256_known)
{
	char hex[65];

	sd_sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sd_sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

static Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");

	tcase_add_test(tc, arena_strings);
	tcase_add_test(tc, map_many);
	tcase_add_test(tc, map_small_then_hashed);
	tcase_add_test(tc, error_format);
	tcase_add_test(tc, suggest_and_slug);
	tcase_add_test(tc, mask_password);
	tcase_add_test(tc, sha256_known);
	suite_add_tcase(s, tc);
	return s;
}

SD_TEST_MAIN(util_suite)
