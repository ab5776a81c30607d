/*
 * test_utf8.c - UTF-8 well-formedness and U+FFFD repair of maximal subparts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fail_alloc.h"
#include "utf8.h"

static void test_valid_boundaries(void **state)
{
	static const char *const valid[] = {
		"A",                /* U+0041 */
		"\x7f",             /* U+007F */
		"\xc2\x80",         /* U+0080 */
		"\xdf\xbf",         /* U+07FF */
		"\xe0\xa0\x80",     /* U+0800 */
		"\xed\x9f\xbf",     /* U+D7FF, below the surrogates */
		"\xee\x80\x80",     /* U+E000, above them */
		"\xef\xbf\xbf",     /* U+FFFF */
		"\xf0\x90\x80\x80", /* U+10000 */
		"\xf4\x8f\xbf\xbf", /* U+10FFFF */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		bool ok = false;
		size_t len = strlen(valid[i]);

		assert_int_equal(utf8_next(valid[i], len, &ok), len);
		assert_true(ok);
	}
}

static void test_ill_formed_subparts(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;     /* available */
		size_t subpart; /* what utf8_next must skip */
	} cases[] = {
		{ "\x80", 1, 1 },             /* lone continuation */
		{ "\xbf\x80", 2, 1 },
		{ "\xc0\xaf", 2, 1 },         /* C0/C1 are never valid */
		{ "\xc1\xbf", 2, 1 },
		{ "\xc2", 1, 1 },             /* truncated */
		{ "\xc2\x41", 2, 1 },
		{ "\xe0\x80\x80", 3, 1 },     /* overlong */
		{ "\xe0\x9f\xbf", 3, 1 },
		{ "\xe1\x80", 2, 2 },         /* truncated after a valid prefix */
		{ "\xe1\x80\x41", 3, 2 },
		{ "\xed\xa0\x80", 3, 1 },     /* surrogate */
		{ "\xf0\x8f\xbf\xbf", 4, 1 }, /* overlong */
		{ "\xf0\x90\x80", 3, 3 },
		{ "\xf0\x90\x80\x41", 4, 3 },
		{ "\xf4\x90\x80\x80", 4, 1 }, /* above U+10FFFF */
		{ "\xf5\x80\x80\x80", 4, 1 },
		{ "\xff", 1, 1 },
		{ "\xc3\xa4", 1, 1 },         /* valid, but only one byte available */
		{ "\xf0\x90\x80\x80", 3, 3 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool ok = true;

		assert_int_equal(utf8_next(cases[i].bytes, cases[i].len, &ok), cases[i].subpart);
		assert_false(ok);
	}
}

static void test_invalid_at(void **state)
{
	(void)state;
	assert_int_equal(utf8_invalid_at("", 0), 0);
	assert_int_equal(utf8_invalid_at("plain", 5), 5);
	assert_int_equal(utf8_invalid_at("caf\xc3\xa9", 5), 5);
	assert_int_equal(utf8_invalid_at("caf\xe9", 4), 3);
	/* A sequence cut short by the length is ill-formed too. */
	assert_int_equal(utf8_invalid_at("ab\xe2\x9c\x93", 4), 2);
	assert_int_equal(utf8_invalid_at("\xf4\x90\x80\x80", 4), 0);
	/* Bytes past `len` are not looked at. */
	assert_int_equal(utf8_invalid_at("ok\xff", 2), 2);
}

static void test_sanitize(void **state)
{
	char *s;

	(void)state;
	/* The example of Unicode §3.9, Table 3-8: one U+FFFD per maximal subpart. */
	s = utf8_sanitize("\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64");
	assert_non_null(s);
	assert_string_equal(s, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
			       "b\xef\xbf\xbd"
			       "c\xef\xbf\xbd\xef\xbf\xbd"
			       "d");
	free(s);

	s = utf8_sanitize("Z\xc3\xa4hler \xf0\x9f\x98\x80 \"quoted\"\n");
	assert_non_null(s);
	assert_string_equal(s, "Z\xc3\xa4hler \xf0\x9f\x98\x80 \"quoted\"\n");
	free(s);

	s = utf8_sanitize("");
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);

	/* A replacement is longer than the byte it replaces. */
	s = utf8_sanitize("\xff\xff\xff\xff");
	assert_non_null(s);
	assert_int_equal(strlen(s), 12);
	free(s);
}

static void test_sanitize_out_of_memory(void **state)
{
	char *s;

	(void)state;
	fail_alloc_at(0);
	s = utf8_sanitize("abc");
	assert_true(fail_alloc_disarm());
	assert_null(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_boundaries),
		cmocka_unit_test(test_ill_formed_subparts),
		cmocka_unit_test(test_invalid_at),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
