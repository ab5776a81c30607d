/*
 * test_options.c - the annotation option tokenizer: tokens, values, columns,
 * every refusal with its column, limits and allocation failures.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fail_alloc.h"
#include "options.h"

static void parse_ok(const char *text, struct option_list *list)
{
	unsigned column = 12345;
	const char *message = "untouched";

	if (option_list_parse(text, list, &column, &message) != 0)
		fail_msg("\"%s\": column %u: %s", text, column, message);
	/* The error outputs are written only on failure. */
	assert_int_equal(column, 12345);
	assert_string_equal(message, "untouched");
}

static void assert_token(const struct option_list *list, size_t i, const char *key,
			 const char *value, unsigned column)
{
	assert_true(i < list->count);
	assert_string_equal(list->tokens[i].key, key);
	if (value) {
		assert_non_null(list->tokens[i].value);
		assert_string_equal(list->tokens[i].value, value);
	} else {
		assert_null(list->tokens[i].value);
	}
	assert_int_equal(list->tokens[i].column, column);
}

static void test_empty_and_blank(void **state)
{
	static const char *const texts[] = { "", " ", "\t", " \t  \t" };
	struct option_list list;

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		parse_ok(texts[i], &list);
		assert_int_equal(list.count, 0);
		option_list_free(&list);
	}
}

static void test_flags_and_values(void **state)
{
	struct option_list list;

	(void)state;
	parse_ok("progid=Vendor.Name dual help=\"say \\\"hi\\\"\"", &list);
	assert_int_equal(list.count, 3);
	assert_token(&list, 0, "progid", "Vendor.Name", 0);
	assert_token(&list, 1, "dual", NULL, 19);
	assert_token(&list, 2, "help", "say \"hi\"", 24);
	option_list_free(&list);
	assert_null(list.tokens);
	assert_int_equal(list.count, 0);
}

static void test_blanks_and_columns(void **state)
{
	struct option_list list;

	(void)state;
	parse_ok("  IWidget12\t\tiid={6BA7B810-9DAD-11D1-80B4-00C04FD430C8}   custom ", &list);
	assert_int_equal(list.count, 3);
	assert_token(&list, 0, "IWidget12", NULL, 2);
	assert_token(&list, 1, "iid", "{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", 13);
	assert_token(&list, 2, "custom", NULL, 58);
	option_list_free(&list);
}

static void test_key_characters(void **state)
{
	struct option_list list;

	(void)state;
	parse_ok("a_b-c.d=1 0=zero Z9", &list);
	assert_int_equal(list.count, 3);
	assert_token(&list, 0, "a_b-c.d", "1", 0);
	assert_token(&list, 1, "0", "zero", 10);
	assert_token(&list, 2, "Z9", NULL, 17);
	option_list_free(&list);
}

static void test_quoted_values(void **state)
{
	struct option_list list;

	(void)state;
	parse_ok("a=\"\" b=\"x\\\\y\" c=\" spaced\tand tabbed \" d=\"=\" e=\"\\\\\"", &list);
	assert_int_equal(list.count, 5);
	assert_token(&list, 0, "a", "", 0);
	assert_token(&list, 1, "b", "x\\y", 5);
	assert_token(&list, 2, "c", " spaced\tand tabbed ", 14);
	assert_token(&list, 3, "d", "=", 38);
	assert_token(&list, 4, "e", "\\", 44);
	option_list_free(&list);
}

static void test_utf8_values(void **state)
{
	struct option_list list;

	(void)state;
	parse_ok("name=Z\xc3\xa4hler help=\"\xe2\x9c\x93 \xf0\x9f\x98\x80\"", &list);
	assert_int_equal(list.count, 2);
	assert_token(&list, 0, "name", "Z\xc3\xa4hler", 0);
	assert_token(&list, 1, "help", "\xe2\x9c\x93 \xf0\x9f\x98\x80", 13);
	option_list_free(&list);
}

static void test_find(void **state)
{
	struct option_list list;
	const struct option_token *token;

	(void)state;
	parse_ok("dual name=Add dispid=7", &list);
	token = option_list_find(&list, "name");
	assert_non_null(token);
	assert_ptr_equal(token, &list.tokens[1]);
	assert_string_equal(token->value, "Add");
	token = option_list_find(&list, "dual");
	assert_ptr_equal(token, &list.tokens[0]);
	assert_null(token->value);
	assert_ptr_equal(option_list_find(&list, "dispid"), &list.tokens[2]);
	assert_null(option_list_find(&list, "Dual"));
	assert_null(option_list_find(&list, "nam"));
	assert_null(option_list_find(&list, "names"));
	option_list_free(&list);

	parse_ok("", &list);
	assert_null(option_list_find(&list, "dual"));
	option_list_free(&list);
}

static const struct {
	const char *text;
	unsigned column;
	const char *message; /* a part of the message */
} refusals[] = {
	{ "=x", 0, "no key" },
	{ "a =x", 2, "no key" },
	{ "key=", 3, "missing value" },
	{ "key= x", 3, "missing value" },
	{ "a key=\t", 5, "missing value" },
	{ "help=\"abc", 5, "unterminated" },
	{ "help=\"abc\\\"", 5, "unterminated" },
	{ "help=\"abc\\", 5, "unterminated" },
	{ "help=\"a\\nb\"", 7, "unknown escape" },
	{ "help=\"a\\'\"", 7, "unknown escape" },
	{ "help=\"a\"b", 8, "space after the closing quote" },
	{ "help=\"a\"\"b\"", 8, "space after the closing quote" },
	{ "ab\"c\"", 2, "quote inside a bare token" },
	{ "a=b\"c", 3, "quote inside an unquoted value" },
	{ "a=b\\c", 3, "backslash" },
	{ "a=b=c", 3, "second '='" },
	{ "\"abc\"", 0, "no key" },
	{ "x \"abc\"", 2, "no key" },
	{ "a@b", 1, "unexpected character in a key" },
	{ "a{=1", 1, "unexpected character in a key" },
	{ "@", 0, "unexpected character" },
	{ "{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", 0, "unexpected character" },
	{ "\xc3\xa9=1", 0, "unexpected character" },
	{ "a=1 b=2 a=3", 8, "twice" },
	{ "dual dual", 5, "twice" },
	{ "x=1 a=1 x=2 a=2", 8, "twice" },
	{ "a=1 b=2 b=3 a=4", 8, "twice" },
	{ "a\nb", 1, "control character" },
	{ "a=\"x\ry\"", 4, "control character" },
	{ "a=\"\x01\"", 3, "control character" },
	{ "\x7f", 0, "control character" },
	{ "a=\xc2\x85", 2, "control character" },
	{ "a=\xc2\x9f", 2, "control character" },
	{ "a=\xff", 2, "invalid UTF-8" },
	{ "a=\xc3", 2, "invalid UTF-8" },
	{ "a=\xc3(", 2, "invalid UTF-8" },
	{ "a=\xc0\xaf", 2, "invalid UTF-8" },
	{ "a=\xe0\x80\x80", 2, "invalid UTF-8" },
	{ "a=\xed\xa0\x80", 2, "invalid UTF-8" },
	{ "a=\xf4\x90\x80\x80", 2, "invalid UTF-8" },
	{ "a=\x80", 2, "invalid UTF-8" },
	{ "help=\"ok\" x=\"\xe2\x9c\"", 13, "invalid UTF-8" },
	/* Character checks come first: the bad byte is reported, not the quote. */
	{ "a=\"x\" b=\"\xfe", 9, "invalid UTF-8" },
};

static void test_refusals(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++) {
		struct option_list list = { (struct option_token *)&list, 99 };
		unsigned column = 9999;
		const char *message = NULL;

		if (option_list_parse(refusals[i].text, &list, &column, &message) != -1)
			fail_msg("accepted \"%s\"", refusals[i].text);
		assert_null(list.tokens);
		assert_int_equal(list.count, 0);
		assert_non_null(message);
		if (column != refusals[i].column || !strstr(message, refusals[i].message))
			fail_msg("\"%s\": got column %u \"%s\", want column %u \"%s\"",
				 refusals[i].text, column, message, refusals[i].column,
				 refusals[i].message);
	}
}

static void test_error_outputs_optional(void **state)
{
	struct option_list list;

	(void)state;
	assert_int_equal(option_list_parse("=x", &list, NULL, NULL), -1);
	assert_null(list.tokens);
}

static void test_length_limit(void **state)
{
	size_t limit = 65536;
	char *text = malloc(limit + 2);
	struct option_list list;
	unsigned column = 0;
	const char *message = NULL;

	(void)state;
	assert_non_null(text);
	memset(text, 'k', limit);
	text[limit] = '\0';
	parse_ok(text, &list);
	assert_int_equal(list.count, 1);
	assert_int_equal(strlen(list.tokens[0].key), limit);
	option_list_free(&list);

	text[limit] = 'k';
	text[limit + 1] = '\0';
	assert_int_equal(option_list_parse(text, &list, &column, &message), -1);
	assert_int_equal(column, limit);
	assert_non_null(strstr(message, "longer than 65536"));
	assert_null(list.tokens);
	free(text);
}

/* Thousands of distinct keys up to the limit: accepted, in order. */
static void test_many_tokens(void **state)
{
	size_t size = 65536;
	char *text = malloc(size + 1);
	size_t len = 0, tokens = 0, last_column = 0;
	struct option_list list;
	char token[32], key[16], value[16];
	unsigned column;
	const char *message;

	(void)state;
	assert_non_null(text);
	for (;;) {
		int n = snprintf(token, sizeof(token), "k%zu=%zu ", tokens, tokens);

		if (len + (size_t)n > size)
			break;
		memcpy(text + len, token, (size_t)n);
		last_column = len;
		len += (size_t)n;
		tokens++;
	}
	text[len] = '\0';
	assert_true(tokens > 5000);
	parse_ok(text, &list);
	assert_int_equal(list.count, tokens);
	snprintf(key, sizeof(key), "k%zu", tokens - 1);
	snprintf(value, sizeof(value), "%zu", tokens - 1);
	assert_token(&list, tokens - 1, key, value, (unsigned)last_column);
	option_list_free(&list);

	/* The last key repeats the first: found after sorting, at its column. */
	memcpy(text + last_column, "k0=xyz", 6);
	assert_int_equal(option_list_parse(text, &list, &column, &message), -1);
	assert_int_equal(column, last_column);
	assert_string_equal(message, "option given twice");
	free(text);
}

static void test_allocation_failures(void **state)
{
	const char *text = "a b=1 c=\"x y\" d e f=2 g h i=\"\\\"\" j k";
	unsigned n;

	(void)state;
	for (n = 0;; n++) {
		struct option_list list;
		unsigned column = 0;
		const char *message = NULL;
		int result;
		bool failed;

		fail_alloc_at(n);
		result = option_list_parse(text, &list, &column, &message);
		failed = fail_alloc_disarm();
		if (!failed) {
			assert_int_equal(result, 0);
			assert_int_equal(list.count, 11);
			assert_token(&list, 8, "i", "\"", 26);
			option_list_free(&list);
			break;
		}
		assert_int_equal(result, -1);
		assert_string_equal(message, "out of memory");
		assert_null(list.tokens);
		assert_int_equal(list.count, 0);
	}
	/* Keys, values, the token array's growth and the duplicate check. */
	assert_true(n > 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_flags_and_values),
		cmocka_unit_test(test_blanks_and_columns),
		cmocka_unit_test(test_key_characters),
		cmocka_unit_test(test_quoted_values),
		cmocka_unit_test(test_utf8_values),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_error_outputs_optional),
		cmocka_unit_test(test_length_limit),
		cmocka_unit_test(test_many_tokens),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
