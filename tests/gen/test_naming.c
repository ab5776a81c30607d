/*
 * test_naming.c - naming defaults and name checks (DESIGN.md §4).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "fail_alloc.h"
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

static void reserved_params(void **state)
{
	(void)state;
	assert_true(naming_is_reserved_param("ccw_hr"));
	assert_true(naming_is_reserved_param("CCW_N"));
	assert_true(naming_is_reserved_param("ccw_"));
	assert_false(naming_is_reserved_param("ccw"));
	assert_false(naming_is_reserved_param("Ccw_x"));
	assert_false(naming_is_reserved_param("my_ccw_x"));
	assert_false(naming_is_reserved_param("hr"));
}

static void keywords(void **state)
{
	static const char *const words[] = { "CONST", "This", "class", "in", "interface",
					     "lpVtbl", "new", "out", "retval", "small", "string",
					     "xor_eq" };

	(void)state;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		assert_true(naming_is_keyword(words[i]));
	assert_false(naming_is_keyword("x"));
	assert_false(naming_is_keyword("this_"));
	assert_false(naming_is_keyword("Class"));
	assert_false(naming_is_keyword(""));
}

/* Runs naming_com_params and compares with the `expected` names. */
static void expect_com_params(const char *const *c_names, size_t count, bool made_up,
			      const char *member, const char *const *expected)
{
	char *out[8];

	assert_true(count <= 8);
	assert_int_equal(naming_com_params(c_names, count, made_up, member, out), 0);
	for (size_t i = 0; i < count; i++) {
		assert_string_equal(out[i], expected[i]);
		free(out[i]);
	}
}

static void com_param_names(void **state)
{
	static const char *const plain[] = { "x", "x_buf", "hr" };
	static const char *const keyworded[] = { "in", "out", "This", "class" };
	static const char *const keyworded_com[] = { "in_", "out_", "This_", "class_" };
	/* new yields to the later C name new_; then new_ keeps it */
	static const char *const chain[] = { "new", "new_" };
	static const char *const chain_com[] = { "new__", "new_" };
	/* a later keyword's new name may not repeat an earlier name */
	static const char *const chain2[] = { "new_", "new" };
	static const char *const chain2_com[] = { "new_", "new__" };
	/* the made-up "result" of a returned value yields to a C "result" */
	static const char *const result[] = { "result", "result" };
	static const char *const result_com[] = { "result", "result_" };
	static const char *const member[] = { "Swap", "get_Value" };
	static const char *const member_com[] = { "Swap_", "get_Value" };

	(void)state;
	expect_com_params(plain, 3, false, "Join", plain);
	expect_com_params(keyworded, 4, false, "Sum", keyworded_com);
	expect_com_params(chain, 2, false, "F", chain_com);
	expect_com_params(chain2, 2, false, "F", chain2_com);
	expect_com_params(result, 2, true, "F", result_com);
	expect_com_params(member, 2, false, "Swap", member_com);
	expect_com_params(NULL, 0, true, "F", NULL);
}

/* Each allocation failing in turn: -1, and nothing left allocated. */
static void com_param_names_out_of_memory(void **state)
{
	static const char *const names[] = { "a", "in", "b", "in_" };
	char *out[4];
	unsigned n = 0;

	(void)state;
	for (;; n++) {
		long live = fail_alloc_live();
		int rc;

		fail_alloc_at(n);
		rc = naming_com_params(names, 4, false, "F", out);
		if (!fail_alloc_disarm()) {
			assert_int_equal(rc, 0);
			assert_string_equal(out[1], "in__");
			for (size_t i = 0; i < 4; i++)
				free(out[i]);
			break;
		}
		assert_int_equal(rc, -1);
		assert_int_equal(fail_alloc_live(), live);
	}
	/* four names, and two reallocs to lengthen "in" */
	assert_int_equal(n, 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pascal_case_capitalises_each_word),
		cmocka_unit_test(method_names_drop_the_tag_prefix),
		cmocka_unit_test(accessors_drop_get_and_set),
		cmocka_unit_test(default_interface_is_i_plus_coclass),
		cmocka_unit_test(identifiers),
		cmocka_unit_test(reserved_params),
		cmocka_unit_test(keywords),
		cmocka_unit_test(com_param_names),
		cmocka_unit_test(com_param_names_out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
