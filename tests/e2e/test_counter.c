/*
 * test_counter.c - a C client of examples/counter, the library annotated in
 * place: creates Example.Counter through its class object and calls every
 * method through the generated vtables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "counter_ccw.h"

#include "e2e.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

static const IID IID_Unheard = { 0x87654321, 0x4321, 0x1234, { 8, 7, 6, 5, 4, 3, 2, 1 } };

static ICounter *new_counter(void)
{
	ICounter *counter = NULL;

	assert_int_equal(counter_ccw_create(NULL, &IID_ICounter, (void **)&counter), S_OK);
	return counter;
}

static void test_counting(void **state)
{
	ICounter *c = new_counter();
	LONG value = -1;
	VARIANT_BOOL zero = VARIANT_FALSE;

	(void)state;
	assert_int_equal(ICounter_get_Value(c, &value), S_OK);
	assert_int_equal(value, 0);
	assert_int_equal(ICounter_get_IsZero(c, &zero), S_OK);
	assert_int_equal(zero, VARIANT_TRUE);
	assert_int_equal(ICounter_Add(c, 5), S_OK);
	assert_int_equal(ICounter_Add(c, -2), S_OK);
	assert_int_equal(ICounter_get_Value(c, &value), S_OK);
	assert_int_equal(value, 3);
	assert_int_equal(ICounter_get_IsZero(c, &zero), S_OK);
	assert_int_equal(zero, VARIANT_FALSE);
	assert_int_equal(ICounter_put_Value(c, INT_MAX), S_OK);
	assert_int_equal(ICounter_Add(c, 1), MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF,
							  0x200 + ERANGE));
	e2e_check_error_info("Example.Counter", strerror(ERANGE));
	assert_int_equal(ICounter_Reset(c), S_OK);
	assert_int_equal(ICounter_get_Value(c, &value), S_OK);
	assert_int_equal(value, 0);
	assert_int_equal(ICounter_get_Value(c, NULL), E_POINTER);
	ICounter_Release(c);
}

static void test_names(void **state)
{
	ICounter *c = new_counter();
	INamed *n = NULL;
	BSTR name = e2e_bstr("gr\xC3\xBC\xC3\x9F" "e"), empty = e2e_bstr(""), out = NULL;
	char *text;

	(void)state;
	assert_int_equal(ICounter_QueryInterface(c, &IID_INamed, (void **)&n), S_OK);
	assert_int_equal(INamed_get_Name(n, &out), S_OK);
	text = e2e_take_utf8(out);
	assert_string_equal(text, "counter");
	ccw_string_free(text);
	assert_int_equal(INamed_put_Name(n, name), S_OK);
	assert_int_equal(ICounter_Add(c, 4), S_OK);
	assert_int_equal(INamed_Describe(n, &out), S_OK);
	text = e2e_take_utf8(out);
	assert_string_equal(text, "gr\xC3\xBC\xC3\x9F" "e = 4");
	ccw_string_free(text);
	assert_int_equal(INamed_put_Name(n, empty), E_INVALIDARG);
	e2e_check_error_info("Example.Counter", strerror(EINVAL));
	SysFreeString(name);
	SysFreeString(empty);
	INamed_Release(n);
	ICounter_Release(c);
}

static void test_identity(void **state)
{
	ICounter *c = new_counter();
	const IID *const iids[] = { &IID_IUnknown, &IID_ICounter, &IID_INamed, &IID_IDispatch,
				    &IID_ISupportErrorInfo };

	(void)state;
	e2e_check_identity((IUnknown *)c, iids, sizeof(iids) / sizeof(*iids), &IID_Unheard);
	ICounter_Release(c);
	assert_int_equal(counter_ccw_can_unload_now(), S_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counting),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_identity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
