/*
 * test_naming.c - naming defaults and name checks (DESIGN.md §4).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "naming.h"

static void expect_name(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void pascal_case_capitalises_each_word(void **state)
{
	(void)state;
	expect_name(naming_pascal_case("counter"), "Counter");
	expect_name(naming_pascal_case("my_counter"), "MyCounter");
	expect_name(naming_pascal_case("http_URL_parser"), "HttpURLParser");
	expect_name(naming_pascal_case("__leading__and_double"), "LeadingAndDouble");
	expect_name(naming_pascal_case("x2_y"), "X2Y");
	expect_name(naming_pascal_case("___"), "___");
}

static void method_names_drop_the_tag_prefix(void **state)
{
	(void)state;
	expect_name(naming_method_name("counter_add", "counter", METHOD_PLAIN), "Add");
	expect_name(naming_method_name("counter_add_all", "counter", METHOD_PLAIN), "AddAll");
	/* only a whole `<tag>_` prefix is dropped */
	expect_name(naming_method_name("counters_add", "counter", METHOD_PLAIN), "CountersAdd");
	expect_name(naming_method_name("reset_all", "counter", METHOD_PLAIN), "ResetAll");
	/* a name that is only the tag keeps it */
	expect_name(naming_method_name("counter_", "counter", METHOD_PLAIN), "Counter");
}

static void accessors_drop_get_and_set(void **state)
{
	(void)state;
	expect_name(naming_method_name("counter_get_total", "counter", METHOD_PROPGET), "Total");
	expect_name(naming_method_name("counter_set_total", "counter", METHOD_PROPPUT), "Total");
	expect_name(naming_method_name("counter_put_total", "counter", METHOD_PROPPUT), "Total");
	/* get_ is not dropped from a plain method, nor set_ from a getter */
	expect_name(naming_method_name("counter_get_total", "counter", METHOD_PLAIN), "GetTotal");
	expect_name(naming_method_name("counter_set_x", "counter", METHOD_PROPGET), "SetX");
	expect_name(naming_method_name("counter_value", "counter", METHOD_PROPGET), "Value");
}

static void default_interface_is_i_plus_coclass(void **state)
{
	(void)state;
	expect_name(naming_default_interface("Counter"), "ICounter");
}

static void identifiers(void **state)
{
	(void)state;
	assert_true(naming_is_identifier("Add"));
	assert_true(naming_is_identifier("_x9"));
	assert_false(naming_is_identifier(""));
	assert_false(naming_is_identifier("9lives"));
	assert_false(naming_is_identifier("a-b"));
	assert_false(naming_is_identifier("a b"));
}

static void progids(void **state)
{
	(void)state;
	assert_true(naming_is_progid("Acme.Counter"));
	assert_true(naming_is_progid("Acme.Counter.1"));
	assert_true(naming_is_progid("A_b"));
	assert_false(naming_is_progid(""));
	assert_false(naming_is_progid("1Acme.Counter"));
	assert_false(naming_is_progid("Acme..Counter"));
	assert_false(naming_is_progid("Acme.Counter."));
	assert_false(naming_is_progid("Acme-Counter"));
	assert_true(naming_is_progid("A23456789012345678901234567890123456789"));
	assert_false(naming_is_progid("A234567890123456789012345678901234567890"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pascal_case_capitalises_each_word),
		cmocka_unit_test(method_names_drop_the_tag_prefix),
		cmocka_unit_test(accessors_drop_get_and_set),
		cmocka_unit_test(default_interface_is_i_plus_coclass),
		cmocka_unit_test(identifiers),
		cmocka_unit_test(progids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
