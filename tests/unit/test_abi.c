/*
 * test_abi.c - <ccw/com.h> has Windows' binary layout and values.
 *
 * The expected numbers were measured by compiling the real Windows headers
 * (mingw-w64 10 for x86_64-w64-mingw32 and i686-w64-mingw32); they are not
 * derived from com.h.  tests/header/windows_abi.py repeats the comparison
 * mechanically for every constant and field whenever mingw-w64 is installed.
 */
#define INITGUID /* so that DEFINE_GUID below defines its GUID */
#include <ccw/com.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

/* ---- Sizes and offsets ------------------------------------------------------ */

struct layout {
	const char *what;
	size_t actual;
	size_t windows_i386;
	size_t windows_x86_64;
};

#define SIZE(type, w32, w64) { "sizeof(" #type ")", sizeof(type), w32, w64 }
#define OFFSET(type, field, w32, w64) \
	{ "offsetof(" #type ", " #field ")", offsetof(type, field), w32, w64 }

static const struct layout layouts[] = {
	SIZE(BYTE, 1, 1),
	SIZE(WORD, 2, 2),
	SIZE(DWORD, 4, 4),
	SIZE(LONG, 4, 4),
	SIZE(ULONG, 4, 4),
	SIZE(INT, 4, 4),
	SIZE(UINT, 4, 4),
	SIZE(SHORT, 2, 2),
	SIZE(USHORT, 2, 2),
	SIZE(CHAR, 1, 1),
	SIZE(LONGLONG, 8, 8),
	SIZE(ULONGLONG, 8, 8),
	SIZE(LONG_PTR, 4, 8),
	SIZE(ULONG_PTR, 4, 8),
	SIZE(SIZE_T, 4, 8),
	SIZE(BOOL, 4, 4),
	SIZE(WCHAR, 2, 2),
	SIZE(OLECHAR, 2, 2),
	SIZE(BSTR, 4, 8),
	SIZE(VARIANT_BOOL, 2, 2),
	SIZE(VARTYPE, 2, 2),
	SIZE(HRESULT, 4, 4),
	SIZE(SCODE, 4, 4),
	SIZE(LCID, 4, 4),
	SIZE(DISPID, 4, 4),
	SIZE(DATE, 8, 8),
	SIZE(TYPEKIND, 4, 4),
	SIZE(BINDPTR, 4, 8),

	SIZE(GUID, 16, 16),
	OFFSET(GUID, Data1, 0, 0),
	OFFSET(GUID, Data2, 4, 4),
	OFFSET(GUID, Data3, 6, 6),
	OFFSET(GUID, Data4, 8, 8),

	SIZE(CY, 8, 8),
	OFFSET(CY, Lo, 0, 0),
	OFFSET(CY, Hi, 4, 4),
	OFFSET(CY, int64, 0, 0),

	SIZE(DECIMAL, 16, 16),
	OFFSET(DECIMAL, wReserved, 0, 0),
	OFFSET(DECIMAL, scale, 2, 2),
	OFFSET(DECIMAL, sign, 3, 3),
	OFFSET(DECIMAL, signscale, 2, 2),
	OFFSET(DECIMAL, Hi32, 4, 4),
	OFFSET(DECIMAL, Lo32, 8, 8),
	OFFSET(DECIMAL, Mid32, 12, 12),
	OFFSET(DECIMAL, Lo64, 8, 8),

	SIZE(VARIANT, 16, 24),
	OFFSET(VARIANT, vt, 0, 0),
	OFFSET(VARIANT, wReserved1, 2, 2),
	OFFSET(VARIANT, wReserved2, 4, 4),
	OFFSET(VARIANT, wReserved3, 6, 6),
	OFFSET(VARIANT, llVal, 8, 8),
	OFFSET(VARIANT, lVal, 8, 8),
	OFFSET(VARIANT, bVal, 8, 8),
	OFFSET(VARIANT, iVal, 8, 8),
	OFFSET(VARIANT, fltVal, 8, 8),
	OFFSET(VARIANT, dblVal, 8, 8),
	OFFSET(VARIANT, boolVal, 8, 8),
	OFFSET(VARIANT, scode, 8, 8),
	OFFSET(VARIANT, cyVal, 8, 8),
	OFFSET(VARIANT, date, 8, 8),
	OFFSET(VARIANT, bstrVal, 8, 8),
	OFFSET(VARIANT, punkVal, 8, 8),
	OFFSET(VARIANT, pdispVal, 8, 8),
	OFFSET(VARIANT, parray, 8, 8),
	OFFSET(VARIANT, pvarVal, 8, 8),
	OFFSET(VARIANT, byref, 8, 8),
	OFFSET(VARIANT, cVal, 8, 8),
	OFFSET(VARIANT, uiVal, 8, 8),
	OFFSET(VARIANT, ulVal, 8, 8),
	OFFSET(VARIANT, ullVal, 8, 8),
	OFFSET(VARIANT, intVal, 8, 8),
	OFFSET(VARIANT, uintVal, 8, 8),
	OFFSET(VARIANT, pdecVal, 8, 8),
	OFFSET(VARIANT, pvRecord, 8, 8),
	OFFSET(VARIANT, pRecInfo, 12, 16),
	OFFSET(VARIANT, decVal, 0, 0),

	SIZE(SAFEARRAYBOUND, 8, 8),
	OFFSET(SAFEARRAYBOUND, cElements, 0, 0),
	OFFSET(SAFEARRAYBOUND, lLbound, 4, 4),
	SIZE(SAFEARRAY, 24, 32),
	OFFSET(SAFEARRAY, cDims, 0, 0),
	OFFSET(SAFEARRAY, fFeatures, 2, 2),
	OFFSET(SAFEARRAY, cbElements, 4, 4),
	OFFSET(SAFEARRAY, cLocks, 8, 8),
	OFFSET(SAFEARRAY, pvData, 12, 16),
	OFFSET(SAFEARRAY, rgsabound, 16, 24),

	SIZE(DISPPARAMS, 16, 24),
	OFFSET(DISPPARAMS, rgvarg, 0, 0),
	OFFSET(DISPPARAMS, rgdispidNamedArgs, 4, 8),
	OFFSET(DISPPARAMS, cArgs, 8, 16),
	OFFSET(DISPPARAMS, cNamedArgs, 12, 20),

	SIZE(EXCEPINFO, 32, 64),
	OFFSET(EXCEPINFO, wCode, 0, 0),
	OFFSET(EXCEPINFO, wReserved, 2, 2),
	OFFSET(EXCEPINFO, bstrSource, 4, 8),
	OFFSET(EXCEPINFO, bstrDescription, 8, 16),
	OFFSET(EXCEPINFO, bstrHelpFile, 12, 24),
	OFFSET(EXCEPINFO, dwHelpContext, 16, 32),
	OFFSET(EXCEPINFO, pvReserved, 20, 40),
	OFFSET(EXCEPINFO, pfnDeferredFillIn, 24, 48),
	OFFSET(EXCEPINFO, scode, 28, 56),

	SIZE(TYPEDESC, 8, 16),
	OFFSET(TYPEDESC, lptdesc, 0, 0),
	OFFSET(TYPEDESC, hreftype, 0, 0),
	OFFSET(TYPEDESC, vt, 4, 8),
	SIZE(ARRAYDESC, 20, 32),
	OFFSET(ARRAYDESC, cDims, 8, 16),
	OFFSET(ARRAYDESC, rgbounds, 12, 20),
	SIZE(PARAMDESCEX, 24, 32),
	OFFSET(PARAMDESCEX, varDefaultValue, 8, 8),
	SIZE(PARAMDESC, 8, 16),
	OFFSET(PARAMDESC, wParamFlags, 4, 8),
	SIZE(IDLDESC, 8, 16),
	OFFSET(IDLDESC, wIDLFlags, 4, 8),
	SIZE(ELEMDESC, 16, 32),
	OFFSET(ELEMDESC, idldesc, 8, 16),
	OFFSET(ELEMDESC, paramdesc, 8, 16),

	SIZE(TYPEATTR, 76, 96),
	OFFSET(TYPEATTR, guid, 0, 0),
	OFFSET(TYPEATTR, lcid, 16, 16),
	OFFSET(TYPEATTR, dwReserved, 20, 20),
	OFFSET(TYPEATTR, memidConstructor, 24, 24),
	OFFSET(TYPEATTR, memidDestructor, 28, 28),
	OFFSET(TYPEATTR, lpstrSchema, 32, 32),
	OFFSET(TYPEATTR, cbSizeInstance, 36, 40),
	OFFSET(TYPEATTR, typekind, 40, 44),
	OFFSET(TYPEATTR, cFuncs, 44, 48),
	OFFSET(TYPEATTR, cVars, 46, 50),
	OFFSET(TYPEATTR, cImplTypes, 48, 52),
	OFFSET(TYPEATTR, cbSizeVft, 50, 54),
	OFFSET(TYPEATTR, cbAlignment, 52, 56),
	OFFSET(TYPEATTR, wTypeFlags, 54, 58),
	OFFSET(TYPEATTR, wMajorVerNum, 56, 60),
	OFFSET(TYPEATTR, wMinorVerNum, 58, 62),
	OFFSET(TYPEATTR, tdescAlias, 60, 64),
	OFFSET(TYPEATTR, idldescType, 68, 80),

	SIZE(FUNCDESC, 52, 88),
	OFFSET(FUNCDESC, memid, 0, 0),
	OFFSET(FUNCDESC, lprgscode, 4, 8),
	OFFSET(FUNCDESC, lprgelemdescParam, 8, 16),
	OFFSET(FUNCDESC, funckind, 12, 24),
	OFFSET(FUNCDESC, invkind, 16, 28),
	OFFSET(FUNCDESC, callconv, 20, 32),
	OFFSET(FUNCDESC, cParams, 24, 36),
	OFFSET(FUNCDESC, cParamsOpt, 26, 38),
	OFFSET(FUNCDESC, oVft, 28, 40),
	OFFSET(FUNCDESC, cScodes, 30, 42),
	OFFSET(FUNCDESC, elemdescFunc, 32, 48),
	OFFSET(FUNCDESC, wFuncFlags, 48, 80),

	SIZE(VARDESC, 36, 64),
	OFFSET(VARDESC, memid, 0, 0),
	OFFSET(VARDESC, lpstrSchema, 4, 8),
	OFFSET(VARDESC, oInst, 8, 16),
	OFFSET(VARDESC, lpvarValue, 8, 16),
	OFFSET(VARDESC, elemdescVar, 12, 24),
	OFFSET(VARDESC, wVarFlags, 28, 56),
	OFFSET(VARDESC, varkind, 32, 60),

	SIZE(TLIBATTR, 32, 32),
	OFFSET(TLIBATTR, guid, 0, 0),
	OFFSET(TLIBATTR, lcid, 16, 16),
	OFFSET(TLIBATTR, syskind, 20, 20),
	OFFSET(TLIBATTR, wMajorVerNum, 24, 24),
	OFFSET(TLIBATTR, wMinorVerNum, 26, 26),
	OFFSET(TLIBATTR, wLibFlags, 28, 28),

	/* Vtable sizes: three IUnknown slots, then each interface's own. */
	SIZE(IUnknownVtbl, 3 * 4, 3 * 8),
	SIZE(IClassFactoryVtbl, 5 * 4, 5 * 8),
	SIZE(IMallocVtbl, 9 * 4, 9 * 8),
	SIZE(IDispatchVtbl, 7 * 4, 7 * 8),
	SIZE(IEnumVARIANTVtbl, 7 * 4, 7 * 8),
	SIZE(IErrorInfoVtbl, 8 * 4, 8 * 8),
	SIZE(ICreateErrorInfoVtbl, 8 * 4, 8 * 8),
	SIZE(ISupportErrorInfoVtbl, 4 * 4, 4 * 8),
	SIZE(ITypeCompVtbl, 5 * 4, 5 * 8),
	SIZE(ITypeInfoVtbl, 22 * 4, 22 * 8),
	SIZE(ITypeLibVtbl, 13 * 4, 13 * 8),
	SIZE(IRecordInfoVtbl, 19 * 4, 19 * 8),
	OFFSET(IDispatchVtbl, GetTypeInfoCount, 3 * 4, 3 * 8),
	OFFSET(IDispatchVtbl, Invoke, 6 * 4, 6 * 8),
	OFFSET(ITypeInfoVtbl, GetTypeAttr, 3 * 4, 3 * 8),
	OFFSET(ITypeInfoVtbl, ReleaseVarDesc, 21 * 4, 21 * 8),
	OFFSET(ITypeLibVtbl, ReleaseTLibAttr, 12 * 4, 12 * 8),
};

static void test_layout_matches_windows(void **state)
{
	size_t i, mismatches = 0;

	(void)state;
	assert_true(sizeof(void *) == 4 || sizeof(void *) == 8);
	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
		const struct layout *l = &layouts[i];
		size_t expected = sizeof(void *) == 8 ? l->windows_x86_64 : l->windows_i386;

		if (l->actual != expected) {
			print_error("%s is %u, Windows has %u\n", l->what,
				(unsigned)l->actual, (unsigned)expected);
			mismatches++;
		}
	}
	assert_int_equal(mismatches, 0);
}

static void test_variant_members_share_the_value(void **state)
{
	VARIANT v;

	(void)state;
	memset(&v, 0, sizeof(v));
	V_VT(&v) = VT_I4;
	V_I4(&v) = -7;
	assert_int_equal(v.vt, VT_I4);
	assert_int_equal(v.lVal, -7);
	assert_ptr_equal(&V_I4(&v), &v.lVal);
	assert_ptr_equal((char *)&V_BSTR(&v), (char *)&v + 8);
	assert_ptr_equal(&V_UNION(&v, dblVal), &v.dblVal);

	V_VT(&v) = VT_BOOL;
	V_BOOL(&v) = VARIANT_TRUE;
	assert_int_equal(v.boolVal, -1);
	assert_int_equal(v.iVal, -1);
	V_BOOL(&v) = VARIANT_FALSE;
	assert_int_equal(v.boolVal, 0);
	assert_int_equal(sizeof(VARIANT_TRUE), 2);

	V_VT(&v) = VT_UI8;
	V_UI8(&v) = 0x0102030405060708ull;
	assert_true(v.ullVal == 0x0102030405060708ull);
	assert_true(V_I8(&v) == 0x0102030405060708ll);

	V_VT(&v) = VT_BYREF | VT_I4;
	assert_true(V_ISBYREF(&v));
	assert_false(V_ISARRAY(&v));
	V_VT(&v) = VT_ARRAY | VT_UI1;
	assert_true(V_ISARRAY(&v));
	assert_false(V_ISBYREF(&v));

	/* A DECIMAL covers the whole VARIANT; its wReserved is where vt is. */
	assert_ptr_equal(&V_DECIMAL(&v).wReserved, &v.vt);
	assert_ptr_equal(&V_DECIMAL(&v).Lo64, &v.llVal);
}

static void test_cy_and_decimal_halves(void **state)
{
	CY cy;
	DECIMAL dec;

	(void)state;
	cy.int64 = ((LONGLONG)7 << 32) | 5;
	assert_int_equal(cy.Lo, 5);
	assert_int_equal(cy.Hi, 7);
	cy.int64 = -1;
	assert_int_equal(cy.Hi, -1);
	assert_true(cy.Lo == 0xffffffffu);

	memset(&dec, 0xff, sizeof(dec));
	DECIMAL_SETZERO(dec);
	assert_int_equal(dec.Hi32, 0);
	assert_int_equal(dec.Lo32, 0);
	assert_int_equal(dec.Mid32, 0);
	assert_int_equal(dec.scale, 0);
	dec.sign = DECIMAL_NEG;
	dec.scale = 4;
	assert_int_equal(dec.sign, 0x80);
	dec.Lo64 = ((ULONGLONG)2 << 32) | 1;
	assert_int_equal(dec.Lo32, 1);
	assert_int_equal(dec.Mid32, 2);
}

/* ---- HRESULTs ----------------------------------------------------------------- */

static void test_hresult_values(void **state)
{
	(void)state;
	/* Compared as unsigned bit patterns: these are Windows' numbers. */
	assert_int_equal((ULONG)S_OK, 0);
	assert_int_equal((ULONG)S_FALSE, 1);
	assert_int_equal((ULONG)E_NOTIMPL, 0x80004001u);
	assert_int_equal((ULONG)E_NOINTERFACE, 0x80004002u);
	assert_int_equal((ULONG)E_POINTER, 0x80004003u);
	assert_int_equal((ULONG)E_FAIL, 0x80004005u);
	assert_int_equal((ULONG)E_UNEXPECTED, 0x8000ffffu);
	assert_int_equal((ULONG)E_OUTOFMEMORY, 0x8007000eu);
	assert_int_equal((ULONG)E_INVALIDARG, 0x80070057u);
	assert_int_equal((ULONG)DISP_E_MEMBERNOTFOUND, 0x80020003u);
	assert_int_equal((ULONG)DISP_E_EXCEPTION, 0x80020009u);
	assert_int_equal((ULONG)DISP_E_BUFFERTOOSMALL, 0x80020013u);
	assert_int_equal((ULONG)CLASS_E_NOAGGREGATION, 0x80040110u);
	assert_int_equal((ULONG)REGDB_E_CLASSNOTREG, 0x80040154u);
	assert_int_equal((ULONG)CO_E_CLASSSTRING, 0x800401f3u);
	assert_int_equal((ULONG)TYPE_E_ELEMENTNOTFOUND, 0x8002802bu);

	/* An HRESULT is a signed 32-bit value: errors are negative. */
	assert_int_equal(sizeof(E_FAIL), 4);
	assert_true(E_FAIL < 0);
	assert_true(S_FALSE > 0);
}

static void test_hresult_macros(void **state)
{
	(void)state;
	assert_true(SUCCEEDED(S_OK));
	assert_true(SUCCEEDED(S_FALSE));
	assert_false(SUCCEEDED(E_FAIL));
	assert_true(FAILED(E_FAIL));
	assert_true(FAILED(0x80000000u));
	assert_false(FAILED(S_FALSE));
	assert_true(IS_ERROR(E_INVALIDARG));
	assert_false(IS_ERROR(S_FALSE));

	assert_int_equal(MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + 22),
		(HRESULT)0x80040216u);
	assert_int_equal(MAKE_HRESULT(SEVERITY_SUCCESS, FACILITY_NULL, 1), S_FALSE);
	assert_int_equal(MAKE_SCODE(SEVERITY_ERROR, FACILITY_DISPATCH, 9), DISP_E_EXCEPTION);

	assert_int_equal(HRESULT_CODE(E_INVALIDARG), 0x57);
	assert_int_equal(HRESULT_CODE(E_INVALIDARG), ERROR_INVALID_PARAMETER);
	assert_int_equal(HRESULT_FACILITY(E_INVALIDARG), FACILITY_WIN32);
	assert_int_equal(HRESULT_FACILITY(DISP_E_EXCEPTION), FACILITY_DISPATCH);
	assert_int_equal(HRESULT_FACILITY(E_NOTIMPL), FACILITY_NULL);
	assert_int_equal(HRESULT_SEVERITY(E_INVALIDARG), SEVERITY_ERROR);
	assert_int_equal(HRESULT_SEVERITY(S_FALSE), SEVERITY_SUCCESS);
	assert_int_equal(SCODE_CODE(DISP_E_UNKNOWNNAME), 6);
}

static void test_hresult_from_win32(void **state)
{
	(void)state;
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), (HRESULT)0x80070002u);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND), (HRESULT)0x80070003u);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED), E_ACCESSDENIED);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_INVALID_HANDLE), E_HANDLE);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_OUTOFMEMORY), E_OUTOFMEMORY);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER), E_INVALIDARG);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER),
		(HRESULT)0x8007007au);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND), (HRESULT)0x8007007eu);
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS), (HRESULT)0x800700b7u);
	/* Only the low 16 bits of the code are kept. */
	assert_int_equal(HRESULT_FROM_WIN32(0x12345), (HRESULT)0x80072345u);
	/* Zero and values that are already HRESULTs (x <= 0) pass unchanged. */
	assert_int_equal(HRESULT_FROM_WIN32(ERROR_SUCCESS), S_OK);
	assert_int_equal(HRESULT_FROM_WIN32(E_FAIL), E_FAIL);
	assert_int_equal(HRESULT_FROM_WIN32(-1), -1);
}

static void test_locale_and_flag_values(void **state)
{
	(void)state;
	assert_int_equal(LOCALE_USER_DEFAULT, 0x0400);
	assert_int_equal(LOCALE_SYSTEM_DEFAULT, 0x0800);
	assert_int_equal(LOCALE_INVARIANT, 0x007f);
	assert_int_equal(LOCALE_NEUTRAL, 0);
	assert_int_equal(MAKELCID(MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US),
		SORT_DEFAULT), 0x0409);
	assert_int_equal(PRIMARYLANGID(0x0409), LANG_ENGLISH);
	assert_int_equal(SUBLANGID(0x0409), SUBLANG_ENGLISH_US);
	assert_int_equal(LANGIDFROMLCID(0x00010409), 0x0409);

	assert_int_equal(VT_UI1, 17);
	assert_int_equal(VT_RECORD, 36);
	assert_int_equal(VT_VERSIONED_STREAM, 73);
	assert_int_equal(VT_BYREF | VT_VARIANT, 0x400c);
	assert_int_equal((VT_ARRAY | VT_BSTR) & VT_TYPEMASK, VT_BSTR);
	assert_int_equal(DISPID_NEWENUM, -4);
	assert_int_equal(DISPID_PROPERTYPUT, -3);
	assert_int_equal(MEMBERID_NIL, -1);
	assert_int_equal(DISPATCH_PROPERTYPUTREF, 8);
	assert_int_equal(CLSCTX_ALL, 0x17);
	assert_int_equal(CLSCTX_SERVER, 0x15);
	assert_int_equal(COINIT_APARTMENTTHREADED, 2);
	assert_int_equal(TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE, 0x1040);
	assert_int_equal(FADF_HAVEVARTYPE | FADF_BSTR, 0x180);
}

/* ---- GUIDs -------------------------------------------------------------------- */

/* {12345678-9ABC-DEF0-0123-456789ABCDEF}, defined here because of INITGUID. */
DEFINE_GUID(CLSID_AbiTest, 0x12345678, 0x9abc, 0xdef0,
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef);

static void test_define_guid_defines(void **state)
{
	static const BYTE data4[8] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef };

	(void)state;
	assert_int_equal(CLSID_AbiTest.Data1, 0x12345678u);
	assert_int_equal(CLSID_AbiTest.Data2, 0x9abc);
	assert_int_equal(CLSID_AbiTest.Data3, 0xdef0);
	assert_memory_equal(CLSID_AbiTest.Data4, data4, 8);
}

static void test_is_equal_guid(void **state)
{
	GUID copy = CLSID_AbiTest;
	size_t byte;

	(void)state;
	assert_true(IsEqualGUID(&copy, &CLSID_AbiTest));
	assert_true(IsEqualCLSID(&copy, &CLSID_AbiTest));
	assert_true(InlineIsEqualGUID(&copy, &CLSID_AbiTest));
	assert_true(IsEqualIID(&IID_IUnknown, &IID_IUnknown));
	assert_false(IsEqualIID(&IID_IUnknown, &IID_IDispatch));
	assert_false(IsEqualGUID(&GUID_NULL, &CLSID_AbiTest));

	/* A difference in any one byte makes them unequal. */
	for (byte = 0; byte < sizeof(GUID); byte++) {
		copy = CLSID_AbiTest;
		((BYTE *)&copy)[byte] ^= 0x10;
		assert_false(IsEqualGUID(&copy, &CLSID_AbiTest));
		assert_false(InlineIsEqualGUID(&copy, &CLSID_AbiTest));
	}
}

static unsigned hex_value(const char **p, int digits)
{
	unsigned value = 0;

	while (digits-- > 0) {
		char c = *(*p)++;

		value <<= 4;
		if (c >= '0' && c <= '9')
			value |= (unsigned)(c - '0');
		else if (c >= 'A' && c <= 'F')
			value |= (unsigned)(c - 'A' + 10);
		else
			fail_msg("bad hex digit '%c'", c);
	}
	return value;
}

/* Reads the registry form "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}". */
static GUID guid_from_registry_form(const char *text)
{
	const char *p = text;
	GUID guid;
	int i;

	assert_int_equal(strlen(text), 38);
	assert_int_equal(*p++, '{');
	guid.Data1 = hex_value(&p, 8);
	assert_int_equal(*p++, '-');
	guid.Data2 = (WORD)hex_value(&p, 4);
	assert_int_equal(*p++, '-');
	guid.Data3 = (WORD)hex_value(&p, 4);
	assert_int_equal(*p++, '-');
	for (i = 0; i < 8; i++) {
		if (i == 2)
			assert_int_equal(*p++, '-');
		guid.Data4[i] = (BYTE)hex_value(&p, 2);
	}
	assert_int_equal(*p, '}');
	return guid;
}

static void test_iids_have_windows_values(void **state)
{
	static const struct {
		const GUID *iid;
		const char *text;
	} iids[] = {
		{ &GUID_NULL, "{00000000-0000-0000-0000-000000000000}" },
		{ &IID_NULL, "{00000000-0000-0000-0000-000000000000}" },
		{ &CLSID_NULL, "{00000000-0000-0000-0000-000000000000}" },
		{ &IID_IUnknown, "{00000000-0000-0000-C000-000000000046}" },
		{ &IID_IClassFactory, "{00000001-0000-0000-C000-000000000046}" },
		{ &IID_IMalloc, "{00000002-0000-0000-C000-000000000046}" },
		{ &IID_IDispatch, "{00020400-0000-0000-C000-000000000046}" },
		{ &IID_ITypeInfo, "{00020401-0000-0000-C000-000000000046}" },
		{ &IID_ITypeLib, "{00020402-0000-0000-C000-000000000046}" },
		{ &IID_ITypeComp, "{00020403-0000-0000-C000-000000000046}" },
		{ &IID_IEnumVARIANT, "{00020404-0000-0000-C000-000000000046}" },
		{ &IID_IErrorInfo, "{1CF2B120-547D-101B-8E65-08002B2BD119}" },
		{ &IID_ICreateErrorInfo, "{22F03340-547D-101B-8E65-08002B2BD119}" },
		{ &IID_ISupportErrorInfo, "{DF0B3D60-548F-101B-8E65-08002B2BD119}" },
		{ &IID_IRecordInfo, "{0000002F-0000-0000-C000-000000000046}" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(iids) / sizeof(iids[0]); i++) {
		GUID expected = guid_from_registry_form(iids[i].text);

		if (memcmp(iids[i].iid, &expected, sizeof(GUID)) != 0)
			fail_msg("%s differs", iids[i].text);
	}
}

static void test_iid_bytes_in_memory(void **state)
{
	/* The little-endian memory image of {00020400-0000-0000-C000-000000000046}
	 * and {1CF2B120-547D-101B-8E65-08002B2BD119}, as stored on Windows. */
	static const BYTE dispatch[16] = { 0x00, 0x04, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
		0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46 };
	static const BYTE error_info[16] = { 0x20, 0xb1, 0xf2, 0x1c, 0x7d, 0x54, 0x1b, 0x10,
		0x8e, 0x65, 0x08, 0x00, 0x2b, 0x2b, 0xd1, 0x19 };
	const uint16_t probe = 1;

	(void)state;
	assert_int_equal(*(const BYTE *)&probe, 1); /* every supported target is LE */
	assert_memory_equal(&IID_IDispatch, dispatch, 16);
	assert_memory_equal(&IID_IErrorInfo, error_info, 16);
}

/* ---- Strings ------------------------------------------------------------------ */

static void test_olestr_is_utf16(void **state)
{
	static const OLECHAR hello[] = OLESTR("h\u00e9llo");
	LPCOLESTR text = hello;

	(void)state;
	assert_int_equal(sizeof(hello), 6 * sizeof(OLECHAR));
	assert_int_equal(text[0], 'h');
	assert_int_equal(text[1], 0xe9);
	assert_int_equal(text[5], 0);
}

/* ---- Calling a C object through its vtable --------------------------------- */

/* A minimal dual object written by hand, the way generated code lays one out. */
struct recorder {
	IDispatch dispatch;
	ULONG refs;
	int destroyed;
	DISPID last_dispid;
	LCID last_lcid;
	WORD last_flags;
	UINT last_arg_count;
};

static struct recorder *recorder_from(IDispatch *iface)
{
	return (struct recorder *)((char *)iface - offsetof(struct recorder, dispatch));
}

static HRESULT STDMETHODCALLTYPE recorder_query_interface(IDispatch *This, REFIID riid,
	void **ppv)
{
	if (ppv == NULL)
		return E_POINTER;
	if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch)) {
		*ppv = This;
		IDispatch_AddRef(This);
		return S_OK;
	}
	*ppv = NULL;
	return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE recorder_add_ref(IDispatch *This)
{
	return ++recorder_from(This)->refs;
}

static ULONG STDMETHODCALLTYPE recorder_release(IDispatch *This)
{
	struct recorder *self = recorder_from(This);

	if (--self->refs == 0)
		self->destroyed = 1;
	return self->refs;
}

static HRESULT STDMETHODCALLTYPE recorder_get_type_info_count(IDispatch *This,
	UINT *pctinfo)
{
	(void)This;
	*pctinfo = 1;
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE recorder_get_type_info(IDispatch *This, UINT iTInfo,
	LCID lcid, ITypeInfo **ppTInfo)
{
	(void)This;
	(void)lcid;
	*ppTInfo = NULL;
	return iTInfo == 0 ? E_NOTIMPL : DISP_E_BADINDEX;
}

static HRESULT STDMETHODCALLTYPE recorder_get_ids_of_names(IDispatch *This, REFIID riid,
	LPOLESTR *rgszNames, UINT cNames, LCID lcid, DISPID *rgDispId)
{
	UINT i;

	(void)This;
	(void)riid;
	(void)rgszNames;
	(void)lcid;
	for (i = 0; i < cNames; i++)
		rgDispId[i] = (DISPID)(100 + i);
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE recorder_invoke(IDispatch *This, DISPID dispIdMember,
	REFIID riid, LCID lcid, WORD wFlags, DISPPARAMS *pDispParams,
	VARIANT *pVarResult, EXCEPINFO *pExcepInfo, UINT *puArgErr)
{
	struct recorder *self = recorder_from(This);

	(void)pExcepInfo;
	(void)puArgErr;
	if (!IsEqualIID(riid, &IID_NULL))
		return DISP_E_UNKNOWNINTERFACE;
	self->last_dispid = dispIdMember;
	self->last_lcid = lcid;
	self->last_flags = wFlags;
	self->last_arg_count = pDispParams->cArgs;
	V_VT(pVarResult) = VT_I4;
	V_I4(pVarResult) = V_I4(&pDispParams->rgvarg[0]) * 2;
	return S_OK;
}

static const IDispatchVtbl recorder_vtbl = {
	recorder_query_interface,
	recorder_add_ref,
	recorder_release,
	recorder_get_type_info_count,
	recorder_get_type_info,
	recorder_get_ids_of_names,
	recorder_invoke,
};

static void test_c_object_through_call_macros(void **state)
{
	struct recorder object;
	IDispatch *dispatch = &object.dispatch;
	IUnknown *unknown = NULL;
	void *none = &object;
	UINT count = 0;
	ITypeInfo *info = NULL;
	OLECHAR name[] = { 'x', 0 };
	LPOLESTR names[2] = { name, name };
	DISPID ids[2] = { 0, 0 };
	VARIANT arg, result;
	DISPPARAMS params;

	(void)state;
	memset(&object, 0, sizeof(object));
	object.dispatch.lpVtbl = &recorder_vtbl;
	object.refs = 1;

	assert_int_equal(IDispatch_AddRef(dispatch), 2);
	assert_int_equal(IDispatch_Release(dispatch), 1);

	assert_int_equal(IDispatch_QueryInterface(dispatch, &IID_IUnknown, (void **)&unknown),
		S_OK);
	assert_ptr_equal(unknown, dispatch);
	assert_int_equal(object.refs, 2);
	assert_int_equal(IUnknown_Release(unknown), 1);
	assert_int_equal(IDispatch_QueryInterface(dispatch, &IID_ITypeLib, &none),
		E_NOINTERFACE);
	assert_null(none);
	assert_int_equal(IDispatch_QueryInterface(dispatch, &IID_IUnknown, NULL), E_POINTER);

	assert_int_equal(IDispatch_GetTypeInfoCount(dispatch, &count), S_OK);
	assert_int_equal(count, 1);
	assert_int_equal(IDispatch_GetTypeInfo(dispatch, 1, LOCALE_USER_DEFAULT, &info),
		DISP_E_BADINDEX);
	assert_int_equal(IDispatch_GetIDsOfNames(dispatch, &IID_NULL, names, 2,
		LOCALE_USER_DEFAULT, ids), S_OK);
	assert_int_equal(ids[0], 100);
	assert_int_equal(ids[1], 101);

	V_VT(&arg) = VT_I4;
	V_I4(&arg) = 21;
	V_VT(&result) = VT_EMPTY;
	params.rgvarg = &arg;
	params.rgdispidNamedArgs = NULL;
	params.cArgs = 1;
	params.cNamedArgs = 0;
	assert_int_equal(IDispatch_Invoke(dispatch, 7, &IID_NULL, LOCALE_SYSTEM_DEFAULT,
		DISPATCH_METHOD, &params, &result, NULL, NULL), S_OK);
	assert_int_equal(object.last_dispid, 7);
	assert_int_equal(object.last_lcid, LOCALE_SYSTEM_DEFAULT);
	assert_int_equal(object.last_flags, DISPATCH_METHOD);
	assert_int_equal(object.last_arg_count, 1);
	assert_int_equal(V_VT(&result), VT_I4);
	assert_int_equal(V_I4(&result), 42);
	assert_int_equal(IDispatch_Invoke(dispatch, 7, &IID_IUnknown, LOCALE_SYSTEM_DEFAULT,
		DISPATCH_METHOD, &params, &result, NULL, NULL), DISP_E_UNKNOWNINTERFACE);

	assert_int_equal(IDispatch_Release(dispatch), 0);
	assert_true(object.destroyed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_matches_windows),
		cmocka_unit_test(test_variant_members_share_the_value),
		cmocka_unit_test(test_cy_and_decimal_halves),
		cmocka_unit_test(test_hresult_values),
		cmocka_unit_test(test_hresult_macros),
		cmocka_unit_test(test_hresult_from_win32),
		cmocka_unit_test(test_locale_and_flag_values),
		cmocka_unit_test(test_define_guid_defines),
		cmocka_unit_test(test_is_equal_guid),
		cmocka_unit_test(test_iids_have_windows_values),
		cmocka_unit_test(test_iid_bytes_in_memory),
		cmocka_unit_test(test_olestr_is_utf16),
		cmocka_unit_test(test_c_object_through_call_macros),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
