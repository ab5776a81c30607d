/*
 * test_kitchen.c - drives tests/e2e/kitchen through the vtables ccwgen
 * generated for it, the way a C client of the component would: every
 * method, every error (HRESULT and IErrorInfo text), string ownership
 * (checked by valgrind/ASan), the identity laws, aggregation, the class
 * factory, the module lock, and the destructor under two threads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kitchen_ccw.h"
#include "kitchen.h"

#include "e2e.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>

/* The dll half is linked in: its entry points are plain functions here. */
STDAPI DllGetClassObject(REFCLSID rclsid, REFIID riid, LPVOID *ppv);
STDAPI DllCanUnloadNow(void);

static const IID IID_Unheard = { 0x12345678, 0x1234, 0x4321, { 1, 2, 3, 4, 5, 6, 7, 8 } };

static IKitchen *new_kitchen(void)
{
	IClassFactory *factory = NULL;
	IKitchen *kitchen = NULL;

	assert_int_equal(kitchen_ccw_get_class_object(&CLSID_Kitchen, &IID_IClassFactory,
						      (void **)&factory), S_OK);
	assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_IKitchen,
							 (void **)&kitchen), S_OK);
	factory->lpVtbl->Release(factory);
	return kitchen;
}

static void *query(void *object, const IID *iid)
{
	IUnknown *unknown = object;
	void *out = NULL;

	assert_int_equal(unknown->lpVtbl->QueryInterface(unknown, iid, &out), S_OK);
	return out;
}

static void release(void *object)
{
	IUnknown *unknown = object;

	unknown->lpVtbl->Release(unknown);
}

static void test_scalars(void **state)
{
	IKitchen *k = new_kitchen();
	LONG sum = 0, quotient = 0, remainder = 0, mood = 0, version = 0, value = 0;
	DOUBLE mixed = 0, x = 1.25;
	VARIANT_BOOL flag = VARIANT_TRUE, negated = VARIANT_TRUE;

	(void)state;
	assert_int_equal(IKitchen_Add(k, 40, 2, &sum), S_OK);
	assert_int_equal(sum, 42);
	assert_int_equal(IKitchen_get_Value(k, &value), S_OK);
	assert_int_equal(value, 42);
	assert_int_equal(IKitchen_put_Value(k, -5), S_OK);
	assert_int_equal(IKitchen_get_Value(k, &value), S_OK);
	assert_int_equal(value, -5);
	assert_int_equal(IKitchen_Mix(k, -1, 255, -300, 60000, 4000000000u, -5000000000LL,
				      10000000000ULL, 0.5f, &mixed), S_OK);
	assert_true(mixed == -1.0 + 255 - 300 + 60000 + 4000000000.0 - 5000000000.0 +
		    10000000000.0 + 0.5);
	assert_int_equal(IKitchen_Negate(k, VARIANT_TRUE, &negated), S_OK);
	assert_int_equal(negated, VARIANT_FALSE);
	assert_int_equal(IKitchen_Negate(k, VARIANT_FALSE, &negated), S_OK);
	assert_int_equal(negated, VARIANT_TRUE); /* -1, not 1 */
	assert_int_equal(IKitchen_NextMood(k, KITCHEN_BUSY, &mood), S_OK);
	assert_int_equal(mood, KITCHEN_CLOSED);
	assert_int_equal(IKitchen_Divide(k, 17, 5, &quotient, &remainder), S_OK);
	assert_int_equal(quotient, 3);
	assert_int_equal(remainder, 2);
	assert_int_equal(IKitchen_Twice(k, &x, &flag), S_OK);
	assert_true(x == 2.5);
	assert_int_equal(flag, VARIANT_FALSE);
	assert_int_equal(IKitchen_Version(k, &version), S_OK);
	assert_int_equal(version, 3);
	assert_int_equal(IKitchen_put_Level(k, 9), S_OK); /* a field property */
	assert_int_equal(IKitchen_get_Level(k, &value), S_OK);
	assert_int_equal(value, 9);
	IKitchen_Release(k);
}

static void test_null_out_pointers(void **state)
{
	IKitchen *k = new_kitchen();
	IStrings *s = query(k, &IID_IStrings);
	LONG quotient;

	(void)state;
	SetErrorInfo(0, NULL);
	assert_int_equal(IKitchen_Add(k, 1, 2, NULL), E_POINTER);
	e2e_check_error_info("E2E.Kitchen", "IKitchen.Add: 'result' is a NULL pointer");
	assert_int_equal(IKitchen_Divide(k, 1, 2, &quotient, NULL), E_POINTER);
	e2e_check_error_info("E2E.Kitchen", "IKitchen.Divide: 'remainder' is a NULL pointer");
	assert_int_equal(IStrings_get_Label(s, NULL), E_POINTER);
	e2e_check_error_info("E2E.Kitchen", "IStrings.Label: 'result' is a NULL pointer");
	IStrings_Release(s);
	IKitchen_Release(k);
}

static void test_strings(void **state)
{
	IKitchen *k = new_kitchen();
	IStrings *s = query(k, &IID_IStrings);
	BSTR in = e2e_bstr("h\xC3\xA9llo \xF0\x9F\x8D\xB3"), out = NULL, first = NULL, joined = NULL;
	BSTR a = e2e_bstr("pots"), b = e2e_bstr(" & pans");
	ULONGLONG length = 0;
	char *text;

	(void)state;
	/* in, and out with transfer full (the C string is freed by the thunk) */
	assert_int_equal(IStrings_Echo(s, in, &out), S_OK);
	text = e2e_take_utf8(out);
	assert_string_equal(text, "<h\xC3\xA9llo \xF0\x9F\x8D\xB3>");
	ccw_string_free(text);
	assert_int_equal(IStrings_Length(s, in, &length), S_OK);
	assert_int_equal(length, strlen("h\xC3\xA9llo \xF0\x9F\x8D\xB3"));
	/* transfer none: the C string stays the library's */
	assert_int_equal(IStrings_get_Label(s, &out), S_OK);
	text = e2e_take_utf8(out);
	assert_string_equal(text, "kitchen");
	ccw_string_free(text);
	assert_int_equal(IStrings_put_Label(s, in), S_OK);
	assert_int_equal(IStrings_get_Label(s, &out), S_OK);
	text = e2e_take_utf8(out);
	assert_string_equal(text, "h\xC3\xA9llo \xF0\x9F\x8D\xB3");
	ccw_string_free(text);
	/* two outs, one of each transfer */
	assert_int_equal(IStrings_Join(s, a, b, &joined, &first), S_OK);
	text = e2e_take_utf8(joined);
	assert_string_equal(text, "pots & pans");
	ccw_string_free(text);
	text = e2e_take_utf8(first);
	assert_string_equal(text, "h\xC3\xA9llo \xF0\x9F\x8D\xB3");
	ccw_string_free(text);
	/* a NULL BSTR is the empty string */
	assert_int_equal(IStrings_Length(s, NULL, &length), S_OK);
	assert_int_equal(length, 0);
	SysFreeString(in);
	SysFreeString(a);
	SysFreeString(b);
	IStrings_Release(s);
	IKitchen_Release(k);
}

static void test_string_errors(void **state)
{
	IKitchen *k = new_kitchen();
	IStrings *s = query(k, &IID_IStrings);
	static const OLECHAR lone_surrogate[] = { 'a', 0xD800, 'b' };
	BSTR bad = SysAllocStringLen(lone_surrogate, 3), empty = e2e_bstr("");
	BSTR out = (BSTR)(void *)1, first = (BSTR)(void *)1;
	ULONGLONG length = 7;

	(void)state;
	assert_int_equal(IStrings_Echo(s, bad, &out), E_INVALIDARG);
	assert_null(out);
	e2e_check_error_info("E2E.Kitchen", "IStrings.Echo: 'text' could not be converted to UTF-8");
	assert_int_equal(IStrings_Length(s, bad, &length), E_INVALIDARG);
	e2e_check_error_info("E2E.Kitchen",
			     "IStrings.Length: 'text' could not be converted to UTF-8");
	/* the library's own message */
	assert_int_equal(IStrings_put_Label(s, empty), E_INVALIDARG);
	e2e_check_error_info("E2E.Kitchen", "a label cannot be empty");
	/* errno without a message: strerror's text; the out pointers stay NULL */
	out = (BSTR)(void *)1;
	assert_int_equal(IStrings_Join(s, empty, empty, &out, &first),
			 MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + ENODATA));
	assert_null(out);
	assert_null(first);
	e2e_check_error_info("E2E.Kitchen", strerror(ENODATA));
	/* text from the library that is not UTF-8 */
	out = (BSTR)(void *)1;
	assert_int_equal(IStrings_BadUtf8(s, &out), E_INVALIDARG);
	assert_null(out);
	e2e_check_error_info("E2E.Kitchen", "IStrings.BadUtf8: the library's 'result' could not "
			     "be converted from UTF-8");
	SysFreeString(bad);
	SysFreeString(empty);
	IStrings_Release(s);
	IKitchen_Release(k);
}

static SAFEARRAY *bytes(const unsigned char *data, ULONG count)
{
	SAFEARRAY *array = SafeArrayCreateVector(VT_UI1, 0, count);
	void *p;

	assert_non_null(array);
	assert_int_equal(SafeArrayAccessData(array, &p), S_OK);
	memcpy(p, data, count);
	SafeArrayUnaccessData(array);
	return array;
}

static void test_bytes(void **state)
{
	IKitchen *k = new_kitchen();
	IBytes *b = query(k, &IID_IBytes);
	static const unsigned char data[] = { 1, 2, 3, 250 };
	SAFEARRAY *array = bytes(data, sizeof(data)), *wrong = SafeArrayCreateVector(VT_I4, 0, 2);
	ULONG sum = 0;
	unsigned char *p;

	(void)state;
	assert_int_equal(IBytes_Sum(b, array, &sum), S_OK);
	assert_int_equal(sum, 256);
	assert_int_equal(IBytes_Sum(b, NULL, &sum), S_OK); /* a NULL array is empty */
	assert_int_equal(sum, 0);
	assert_int_equal(IBytes_Invert(b, &array), S_OK);
	assert_int_equal(SafeArrayAccessData(array, (void **)&p), S_OK);
	assert_int_equal(p[0], 254);
	assert_int_equal(p[3], 5);
	SafeArrayUnaccessData(array);
	assert_int_equal(IBytes_Sum(b, wrong, &sum), E_INVALIDARG);
	e2e_check_error_info("E2E.Kitchen",
			     "IBytes.Sum: 'data' is not a one-dimensional array of bytes");
	assert_int_equal(IBytes_Invert(b, NULL), E_POINTER);
	SafeArrayDestroy(array);
	SafeArrayDestroy(wrong);
	IBytes_Release(b);
	IKitchen_Release(k);
}

static void test_result_conventions(void **state)
{
	IKitchen *k = new_kitchen();
	IResults *r = query(k, &IID_IResults);
	LONG got = 0, id = 0;
	IItem *item = NULL, *shelf = NULL;
	int items_before = item_freed();

	(void)state;
	/* errno: the table of DESIGN.md §9 */
	assert_int_equal(IResults_FailErrno(r, 0), S_OK);
	assert_int_equal(IResults_FailErrno(r, EINVAL), E_INVALIDARG);
	e2e_check_error_info("E2E.Kitchen", strerror(EINVAL));
	assert_int_equal(IResults_FailErrno(r, ENOMEM), E_OUTOFMEMORY);
	assert_int_equal(IResults_FailErrno(r, EPERM), E_ACCESSDENIED);
	assert_int_equal(IResults_FailErrno(r, ENOENT), HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
	assert_int_equal(IResults_FailErrno(r, ENOSYS), E_NOTIMPL);
	assert_int_equal(IResults_FailErrno(r, ERANGE),
			 MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + ERANGE));
	/* minus1 */
	assert_int_equal(IResults_FailMinus1(r, VARIANT_FALSE, &got), S_OK);
	assert_int_equal(got, 42);
	assert_int_equal(IResults_FailMinus1(r, VARIANT_TRUE, &got), E_ACCESSDENIED);
	e2e_check_error_info("E2E.Kitchen", strerror(EACCES));
	/* bool, with the library's message; then without errno */
	assert_int_equal(IResults_Check(r, 1), S_OK);
	assert_int_equal(IResults_Check(r, -4), HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
	e2e_check_error_info("E2E.Kitchen", "n is -4, which is negative");
	assert_int_equal(IResults_Check(r, 0), E_FAIL);
	e2e_check_error_info("E2E.Kitchen", "the call failed and did not set errno");
	/* hresult: failures keep their HRESULT, successes reach the caller */
	assert_int_equal(IResults_Hresult(r, S_FALSE), S_FALSE);
	assert_int_equal(IResults_Hresult(r, E_ABORT), E_ABORT);
	e2e_check_error_info("E2E.Kitchen", "failing with 0x80004004 as asked");
	/* nonnull, returning an object of another class with transfer full */
	assert_int_equal(IResults_MakeItem(r, -1, &item), MAKE_HRESULT(1, FACILITY_ITF,
									 0x200 + ERANGE));
	assert_null(item);
	assert_int_equal(IResults_MakeItem(r, 12, &item), S_OK);
	assert_int_equal(IItem_get_Id(item, &id), S_OK);
	assert_int_equal(id, 12);
	/* an object passed back in */
	id = 0;
	assert_int_equal(IResults_Weigh(r, item, &id), S_OK);
	assert_int_equal(id, 12);
	assert_int_equal(IResults_Weigh(r, NULL, &id), E_INVALIDARG);
	assert_int_equal(IResults_Weigh(r, (IItem *)(void *)r, &id), E_INVALIDARG);
	e2e_check_error_info("E2E.Kitchen",
			     "IResults.Weigh: 'item' is not an object of this component");
	IItem_Release(item);
	assert_int_equal(item_freed(), items_before + 1); /* the wrapper owned it */
	/* transfer none: borrowed, never freed by the wrapper */
	assert_int_equal(IResults_Shelf(r, &shelf), S_OK);
	assert_int_equal(IItem_get_Id(shelf, &id), S_OK);
	assert_int_equal(id, 7);
	IItem_Release(shelf);
	assert_int_equal(item_freed(), items_before + 1);
	IResults_Release(r);
	IKitchen_Release(k);
}

static void test_identity(void **state)
{
	IKitchen *k = new_kitchen();
	const IID *const iids[] = { &IID_IUnknown, &IID_IKitchen, &IID_IStrings, &IID_IBytes,
				    &IID_IResults, &IID_IDispatch, &IID_ISupportErrorInfo };
	ISupportErrorInfo *support = query(k, &IID_ISupportErrorInfo);
	IDispatch *dispatch = query(k, &IID_IDispatch);

	(void)state;
	e2e_check_identity((IUnknown *)k, iids, sizeof(iids) / sizeof(*iids), &IID_Unheard);
	/* IDispatch is the default dual interface */
	assert_ptr_equal((void *)dispatch, (void *)k);
	assert_int_equal(support->lpVtbl->InterfaceSupportsErrorInfo(support, &IID_IBytes), S_OK);
	assert_int_equal(support->lpVtbl->InterfaceSupportsErrorInfo(support, &IID_Unheard),
			 S_FALSE);
	release(dispatch);
	release(support);
	IKitchen_Release(k);
}

static void test_destructor_once(void **state)
{
	int before = kitchen_freed();
	IKitchen *k = new_kitchen();
	IStrings *s = query(k, &IID_IStrings);

	(void)state;
	IKitchen_Release(k);
	assert_int_equal(kitchen_freed(), before); /* IStrings still holds it */
	IStrings_Release(s);
	assert_int_equal(kitchen_freed(), before + 1);
}

/* ---- Aggregation: a hand-written outer object that exposes IKitchen from
 *      an inner Kitchen and answers IUnknown itself. */

struct outer {
	IUnknown unknown;
	ULONG refs;
	IUnknown *inner; /* the Kitchen's nondelegating IUnknown */
};

static HRESULT STDMETHODCALLTYPE outer_query_interface(IUnknown *This, REFIID riid, void **ppv)
{
	struct outer *outer = (struct outer *)(void *)This;

	if (!ppv)
		return E_POINTER;
	if (IsEqualIID(riid, &IID_IUnknown)) {
		*ppv = This;
		This->lpVtbl->AddRef(This);
		return S_OK;
	}
	if (IsEqualIID(riid, &IID_IKitchen) || IsEqualIID(riid, &IID_IStrings))
		return outer->inner->lpVtbl->QueryInterface(outer->inner, riid, ppv);
	*ppv = NULL;
	return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE outer_add_ref(IUnknown *This)
{
	return ++((struct outer *)(void *)This)->refs;
}

static ULONG STDMETHODCALLTYPE outer_release(IUnknown *This)
{
	struct outer *outer = (struct outer *)(void *)This;
	ULONG left = --outer->refs;

	if (left == 0) {
		outer->inner->lpVtbl->Release(outer->inner);
		test_free(outer);
	}
	return left;
}

static const IUnknownVtbl outer_vtbl = { outer_query_interface, outer_add_ref, outer_release };

static void test_aggregation(void **state)
{
	struct outer *outer = test_calloc(1, sizeof(*outer));
	int before = kitchen_freed();
	IKitchen *k = NULL;
	IStrings *s = NULL;
	IBytes *b = (IBytes *)(void *)1;
	IUnknown *identity = NULL;
	LONG sum = 0;

	(void)state;
	outer->unknown.lpVtbl = &outer_vtbl;
	outer->refs = 1;
	/* Only IUnknown may be asked for with an outer unknown. */
	assert_int_equal(kitchen_ccw_create(&outer->unknown, &IID_IKitchen, (void **)&k),
			 CLASS_E_NOAGGREGATION);
	assert_null(k);
	assert_int_equal(kitchen_freed(), before); /* refused before the constructor */
	assert_int_equal(kitchen_ccw_create(&outer->unknown, &IID_IUnknown,
					    (void **)&outer->inner), S_OK);

	k = query(&outer->unknown, &IID_IKitchen);
	assert_int_equal(outer->refs, 2); /* the inner interface counts on the outer */
	assert_int_equal(IKitchen_Add(k, 2, 3, &sum), S_OK);
	assert_int_equal(sum, 5);
	/* the inner interfaces delegate QueryInterface to the outer object */
	assert_int_equal(IKitchen_QueryInterface(k, &IID_IUnknown, (void **)&identity), S_OK);
	assert_ptr_equal(identity, &outer->unknown);
	release(identity);
	assert_int_equal(IKitchen_QueryInterface(k, &IID_IBytes, (void **)&b), E_NOINTERFACE);
	assert_null(b);
	s = query(k, &IID_IStrings);
	assert_int_equal(outer->refs, 3);
	IStrings_Release(s);
	IKitchen_Release(k);
	assert_int_equal(outer->refs, 1);
	assert_int_equal(kitchen_freed(), before);
	outer->unknown.lpVtbl->Release(&outer->unknown);
	assert_int_equal(kitchen_freed(), before + 1);
}

/* ---- Wrapping an existing C object, owned or borrowed */

static void test_wrap(void **state)
{
	struct kitchen *c = kitchen_new();
	int before = kitchen_freed();
	IKitchen *k = NULL;
	LONG value = 0;

	(void)state;
	assert_int_equal(kitchen_ccw_wrap(c, false, &IID_IKitchen, (void **)&k), S_OK);
	kitchen_set_value(c, 11);
	assert_int_equal(IKitchen_get_Value(k, &value), S_OK);
	assert_int_equal(value, 11);
	IKitchen_Release(k);
	assert_int_equal(kitchen_freed(), before); /* borrowed */
	assert_int_equal(kitchen_ccw_wrap(c, true, &IID_IKitchen, (void **)&k), S_OK);
	IKitchen_Release(k);
	assert_int_equal(kitchen_freed(), before + 1); /* owned */
	/* an owned object whose wrap fails is freed at once */
	c = kitchen_new();
	assert_int_equal(kitchen_ccw_wrap(c, true, &IID_Unheard, (void **)&k), E_NOINTERFACE);
	assert_null(k);
	assert_int_equal(kitchen_freed(), before + 2);
}

/* ---- Class factory, module lock, DLL entry points */

static void test_class_factory_and_unload(void **state)
{
	IClassFactory *factory = NULL;
	IUnknown *object = NULL;
	void *none = (void *)1;

	(void)state;
	assert_int_equal(DllCanUnloadNow(), S_OK);
	assert_int_equal(DllGetClassObject(&CLSID_Item, &IID_IClassFactory, &none),
			 CLASS_E_CLASSNOTAVAILABLE); /* noncreatable */
	assert_null(none);
	assert_int_equal(DllGetClassObject(&CLSID_Kitchen, &IID_IClassFactory, (void **)&factory),
			 S_OK);
	assert_int_equal(DllCanUnloadNow(), S_FALSE); /* a live class object */
	assert_int_equal(factory->lpVtbl->LockServer(factory, TRUE), S_OK);
	factory->lpVtbl->Release(factory);
	assert_int_equal(DllCanUnloadNow(), S_FALSE); /* LockServer */
	assert_int_equal(kitchen_ccw_get_class_object(&CLSID_Kitchen, &IID_IClassFactory,
						      (void **)&factory), S_OK);
	factory->lpVtbl->LockServer(factory, FALSE);
	assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_IUnknown,
							 (void **)&object), S_OK);
	factory->lpVtbl->Release(factory);
	assert_int_equal(kitchen_ccw_can_unload_now(), S_FALSE); /* a live object */
	release(object);
	assert_int_equal(DllCanUnloadNow(), S_OK);
	assert_int_equal(kitchen_ccw_get_class_object(&CLSID_Kitchen, &IID_IClassFactory, NULL),
			 E_POINTER);
}

/* ---- Two threads AddRef/QI/Release one object: one destructor run */

#define ROUNDS 20000

static void *hammer(void *arg)
{
	IKitchen *k = arg;

	for (int i = 0; i < ROUNDS; i++) {
		IStrings *s = NULL;

		IKitchen_AddRef(k);
		if (SUCCEEDED(IKitchen_QueryInterface(k, &IID_IStrings, (void **)&s)))
			IStrings_Release(s);
		IKitchen_Release(k);
	}
	IKitchen_Release(k); /* the reference the main thread gave this thread */
	return NULL;
}

static void test_threads(void **state)
{
	int before = kitchen_freed();
	IKitchen *k = new_kitchen();
	pthread_t threads[2];

	(void)state;
	IKitchen_AddRef(k); /* one reference per thread */
	IKitchen_AddRef(k);
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, hammer, k), 0);
	IKitchen_Release(k); /* the creation reference: threads may now end it */
	for (int i = 0; i < 2; i++)
		pthread_join(threads[i], NULL);
	assert_int_equal(kitchen_freed(), before + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_null_out_pointers),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_string_errors),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_result_conventions),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_destructor_once),
		cmocka_unit_test(test_aggregation),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_class_factory_and_unload),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
