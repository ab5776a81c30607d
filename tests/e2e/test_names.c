/*
 * test_names.c - a C client of tests/e2e/names, whose parameters carry the
 * names that once broke the generated code (the locals of a thunk, C++ and
 * IDL keywords, `This`, `lpVtbl`, a parameter named as its method). That
 * this file compiles against the generated header, with the call macros, and
 * the component compiles at all is half the test; the calls show every
 * argument still reaches its own parameter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define COBJMACROS
#include "names_ccw.h"

#include "e2e.h"

#include <string.h>

static INames *new_names(void)
{
	INames *names = NULL;

	assert_int_equal(names_ccw_create(NULL, &IID_INames, (void **)&names), S_OK);
	return names;
}

static void expect_text(BSTR bstr, const char *expected)
{
	char *text = e2e_take_utf8(bstr);

	assert_string_equal(text, expected);
	ccw_string_free(text);
}

/* x, x_buf, c_x_buf and c_x: four strings, each in its own place. */
static void test_strings_named_like_locals(void **state)
{
	INames *names = new_names();
	BSTR x = e2e_bstr("one"), x_buf = e2e_bstr("two"), c_x_buf = e2e_bstr("three"),
	     c_x = e2e_bstr("four"), joined = NULL;

	(void)state;
	assert_int_equal(INames_Join(names, x, x_buf, c_x_buf, c_x, &joined), S_OK);
	expect_text(joined, "one|two|three|four");
	SysFreeString(x);
	SysFreeString(x_buf);
	SysFreeString(c_x_buf);
	SysFreeString(c_x);
	INames_Release(names);
}

/* hr, rc, self, This, lpVtbl, in, out, new, class, string, interface and
 * result beside the returned value: distinct weights show the order. */
static void test_scalars_named_like_keywords(void **state)
{
	INames *names = new_names();
	LONG sum = 0;

	(void)state;
	assert_int_equal(INames_Sum(names, 1, 10, 100, 1000, 10000, 100000, 1000000, 0, 0, 0, 0,
				    0, &sum), S_OK);
	assert_int_equal(sum, 1 + 20 + 300 + 4000 + 50000 + 600000 + 7000000);
	assert_int_equal(INames_Sum(names, 0, 0, 0, 0, 0, 0, 0, 1, 10, 100, 1000, 10000, &sum),
			 S_OK);
	assert_int_equal(sum, 8 + 90 + 1000 + 11000 + 120000);
	INames_Release(names);
}

/* A byte buffer x beside an int c_x_count. */
static void test_bytes_beside_their_count_name(void **state)
{
	INames *names = new_names();
	SAFEARRAY *x = SafeArrayCreateVector(VT_UI1, 0, 3);
	LONG weight = 0;

	(void)state;
	assert_non_null(x);
	memcpy(x->pvData, "\x01\x02\x03", 3);
	assert_int_equal(INames_Weigh(names, x, 100, &weight), S_OK);
	assert_int_equal(weight, 106);
	SafeArrayDestroy(x);
	INames_Release(names);
}

/* com_x in, free (the C library's function) as a count, x out; and the
 * error path, whose cleanup frees what the thunk made. */
static void test_out_string_beside_com_name(void **state)
{
	INames *names = new_names();
	BSTR com_x = e2e_bstr("ab"), stale = e2e_bstr("stale"), x = NULL;

	(void)state;
	assert_int_equal(INames_Repeat(names, com_x, 3, &x), S_OK);
	expect_text(x, "ababab");
	x = stale; /* an out value is NULL after a failure, whatever it held */
	assert_int_equal(INames_Repeat(names, com_x, -1, &x), E_INVALIDARG);
	assert_null(x);
	e2e_check_error_info("E2E.Names", NULL);
	SysFreeString(stale);
	SysFreeString(com_x);
	INames_Release(names);
}

/* in and out in/out, and a parameter named Swap in the method Swap. */
static void test_inout_keywords_and_method_name(void **state)
{
	INames *names = new_names();
	LONG in = 1, out = 2;

	(void)state;
	assert_int_equal(INames_Swap(names, &in, &out, 10), S_OK);
	assert_int_equal(in, 12);
	assert_int_equal(out, 11);
	INames_Release(names);
}

/* Late binding names parameters by their C names, keywords or not. */
static void test_named_arguments_keep_c_names(void **state)
{
	INames *names = new_names();
	OLECHAR *text[3];
	DISPID ids[3];

	(void)state;
	text[0] = e2e_bstr("Sum");
	text[1] = e2e_bstr("class");
	text[2] = e2e_bstr("result");
	assert_int_equal(INames_GetIDsOfNames(names, &IID_NULL, text, 3, 0, ids), S_OK);
	assert_int_equal(ids[1], 8);
	assert_int_equal(ids[2], 11);
	for (size_t i = 0; i < 3; i++)
		SysFreeString(text[i]);
	INames_Release(names);
}

/* Side on ILeft and on IRight are two members. */
static void test_same_member_on_two_interfaces(void **state)
{
	INames *names = new_names();
	ILeft *left = NULL;
	IRight *right = NULL;
	BSTR side = NULL;

	(void)state;
	assert_int_equal(INames_QueryInterface(names, &IID_ILeft, (void **)&left), S_OK);
	assert_int_equal(INames_QueryInterface(names, &IID_IRight, (void **)&right), S_OK);
	assert_int_equal(ILeft_Side(left, &side), S_OK);
	expect_text(side, "left");
	assert_int_equal(IRight_Side(right, &side), S_OK);
	expect_text(side, "right");
	ILeft_Release(left);
	IRight_Release(right);
	INames_Release(names);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_named_like_locals),
		cmocka_unit_test(test_scalars_named_like_keywords),
		cmocka_unit_test(test_bytes_beside_their_count_name),
		cmocka_unit_test(test_out_string_beside_com_name),
		cmocka_unit_test(test_inout_keywords_and_method_name),
		cmocka_unit_test(test_named_arguments_keep_c_names),
		cmocka_unit_test(test_same_member_on_two_interfaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
