/* e2e.c - helpers of the end-to-end clients (see e2e.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "e2e.h"

#include <string.h>

BSTR e2e_bstr(const char *utf8)
{
	BSTR bstr = NULL;

	assert_int_equal(ccw_bstr_from_utf8(utf8, CCW_NUL_TERMINATED, &bstr), S_OK);
	return bstr;
}

char *e2e_take_utf8(BSTR bstr)
{
	char *utf8 = NULL;

	assert_int_equal(ccw_bstr_to_utf8(bstr, &utf8, NULL), S_OK);
	SysFreeString(bstr);
	return utf8;
}

void e2e_check_error_info(const char *source, const char *description)
{
	IErrorInfo *info = NULL;
	BSTR text = NULL;
	char *utf8;

	assert_int_equal(GetErrorInfo(0, &info), S_OK);
	assert_non_null(info);
	assert_int_equal(info->lpVtbl->GetSource(info, &text), S_OK);
	utf8 = e2e_take_utf8(text);
	assert_string_equal(utf8, source);
	ccw_string_free(utf8);
	assert_int_equal(info->lpVtbl->GetDescription(info, &text), S_OK);
	utf8 = e2e_take_utf8(text);
	if (description)
		assert_string_equal(utf8, description);
	else
		assert_true(utf8[0] != '\0');
	ccw_string_free(utf8);
	info->lpVtbl->Release(info);
}

static IUnknown *query(IUnknown *from, const IID *iid)
{
	void *out = NULL;

	assert_int_equal(from->lpVtbl->QueryInterface(from, iid, &out), S_OK);
	assert_non_null(out);
	return out;
}

void e2e_check_identity(IUnknown *object, const IID *const *iids, size_t count,
			const IID *absent)
{
	IUnknown *identity = query(object, &IID_IUnknown);

	for (size_t i = 0; i < count; i++) {
		IUnknown *a = query(object, iids[i]);
		IUnknown *again = query(a, iids[i]);
		IUnknown *unknown = query(a, &IID_IUnknown);
		void *none = (void *)1;

		assert_ptr_equal(again, a); /* reflexive, and stable */
		assert_ptr_equal(unknown, identity); /* one IUnknown */
		assert_int_equal(a->lpVtbl->QueryInterface(a, absent, &none), E_NOINTERFACE);
		assert_null(none);
		assert_int_equal(a->lpVtbl->QueryInterface(a, iids[i], NULL), E_POINTER);
		for (size_t j = 0; j < count; j++) {
			IUnknown *b = query(a, iids[j]);   /* symmetric: every pair, both ways */
			IUnknown *back = query(b, iids[i]);

			assert_ptr_equal(back, a);
			for (size_t k = 0; k < count; k++) { /* transitive */
				IUnknown *c = query(b, iids[k]);
				IUnknown *direct = query(a, iids[k]);

				assert_ptr_equal(c, direct);
				c->lpVtbl->Release(c);
				direct->lpVtbl->Release(direct);
			}
			back->lpVtbl->Release(back);
			b->lpVtbl->Release(b);
		}
		unknown->lpVtbl->Release(unknown);
		again->lpVtbl->Release(again);
		a->lpVtbl->Release(a);
	}
	identity->lpVtbl->Release(identity);
}
