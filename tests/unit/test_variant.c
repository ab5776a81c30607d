/*
 * test_variant.c - VariantInit, VariantClear, VariantCopy, VariantCopyInd.
 *
 * Expected results are oleaut32's as Wine's conformance tests record them
 * (dlls/oleaut32/tests/vartest.c: test_VariantClear, test_VariantCopy,
 * test_VariantCopyInd; vartype.c: test_BstrCopy, test_IUnknownCopy).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/com.h>

#include <string.h>

/* ---- An IUnknown that counts what is done to it ------------------------------ */

typedef struct {
    IUnknown iface;
    LONG refs;
    int addrefs, releases, queries;
} counted;

static counted *counted_from(IUnknown *iface)
{
    return (counted *)(void *)iface;
}

static HRESULT STDMETHODCALLTYPE counted_query(IUnknown *iface, REFIID riid, void **ppv)
{
    (void)riid;
    counted_from(iface)->queries++;
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE counted_addref(IUnknown *iface)
{
    counted *c = counted_from(iface);

    c->addrefs++;
    return (ULONG)++c->refs;
}

static ULONG STDMETHODCALLTYPE counted_release(IUnknown *iface)
{
    counted *c = counted_from(iface);

    c->releases++;
    return (ULONG)--c->refs;
}

static const IUnknownVtbl counted_vtbl = {counted_query, counted_addref, counted_release};

static void counted_init(counted *c)
{
    memset(c, 0, sizeof(*c));
    c->iface.lpVtbl = &counted_vtbl;
    c->refs = 1;
}

static BSTR make_bstr(const char *bytes, UINT len)
{
    BSTR bstr = SysAllocStringByteLen(bytes, len);

    assert_non_null(bstr);
    return bstr;
}

/* ---- VariantInit ------------------------------------------------------------------ */

static void test_init(void **state)
{
    VARIANT v;

    (void)state;
    memset(&v, 0xa5, sizeof(v));
    VariantInit(&v);
    assert_int_equal(V_VT(&v), VT_EMPTY);
}

/* ---- VariantClear ----------------------------------------------------------------- */

static void test_clear_value_types(void **state)
{
    VARIANT v;

    (void)state;
    V_VT(&v) = VT_UI4;
    V_UI4(&v) = 0xdeadbeef;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(V_VT(&v), VT_EMPTY);
    /* Only the type changes, as in oleaut32. */
    assert_int_equal(V_UI4(&v), 0xdeadbeef);
    assert_int_equal(VariantClear(NULL), E_INVALIDARG);
}

static void test_clear_bstr(void **state)
{
    VARIANT v;

    (void)state;
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = make_bstr("owned", 5);
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(V_VT(&v), VT_EMPTY);
    /* A NULL BSTR is an empty string and is cleared as one. */
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = NULL;
    assert_int_equal(VariantClear(&v), S_OK);
}

static void test_clear_interfaces(void **state)
{
    counted obj;
    IUnknown *punk = &obj.iface;
    VARIANT v;

    (void)state;
    counted_init(&obj);
    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = punk;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(obj.refs, 0);
    assert_int_equal(obj.releases, 1);
    assert_int_equal(obj.queries + obj.addrefs, 0);
    assert_ptr_equal(V_UNKNOWN(&v), punk);

    counted_init(&obj);
    V_VT(&v) = VT_DISPATCH;
    V_DISPATCH(&v) = (IDispatch *)(void *)punk;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(obj.refs, 0);

    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = NULL;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(V_VT(&v), VT_EMPTY);
}

static void test_clear_references_owns_nothing(void **state)
{
    counted obj;
    IUnknown *punk = &obj.iface;
    BSTR bstr = make_bstr("kept", 4);
    LONG i4 = 0x4321;
    VARIANT target, v;

    (void)state;
    counted_init(&obj);
    V_VT(&v) = VT_UNKNOWN | VT_BYREF;
    V_UNKNOWNREF(&v) = &punk;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(V_VT(&v), VT_EMPTY);
    assert_int_equal(obj.releases, 0);

    V_VT(&v) = VT_DISPATCH | VT_BYREF;
    V_DISPATCHREF(&v) = (IDispatch **)(void *)&punk;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(obj.releases, 0);

    V_VT(&v) = VT_BSTR | VT_BYREF;
    V_BSTRREF(&v) = &bstr;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(SysStringByteLen(bstr), 4);

    V_VT(&v) = VT_I4 | VT_BYREF;
    V_I4REF(&v) = &i4;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(i4, 0x4321);

    V_VT(&target) = VT_BSTR;
    V_BSTR(&target) = bstr;
    V_VT(&v) = VT_VARIANT | VT_BYREF;
    V_VARIANTREF(&v) = &target;
    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(V_VT(&target), VT_BSTR);
    assert_ptr_equal(V_BSTR(&target), bstr);
    SysFreeString(bstr);
}

static void test_clear_array(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_UNKNOWN, 0, 2);
    counted obj;
    void *data;
    VARIANT v;

    (void)state;
    counted_init(&obj);
    assert_non_null(psa);
    ((IUnknown **)psa->pvData)[1] = &obj.iface;
    V_VT(&v) = VT_ARRAY | VT_UNKNOWN;
    V_ARRAY(&v) = psa;

    /* A locked array cannot go, and the variant keeps it. */
    assert_int_equal(SafeArrayAccessData(psa, &data), S_OK);
    assert_int_equal(VariantClear(&v), DISP_E_ARRAYISLOCKED);
    assert_int_equal(V_VT(&v), VT_ARRAY | VT_UNKNOWN);
    assert_int_equal(SafeArrayUnaccessData(psa), S_OK);

    assert_int_equal(VariantClear(&v), S_OK);
    assert_int_equal(V_VT(&v), VT_EMPTY);
    assert_int_equal(obj.releases, 1);

    /* A NULL array is nothing to destroy. */
    V_VT(&v) = VT_ARRAY | VT_I4;
    V_ARRAY(&v) = NULL;
    assert_int_equal(VariantClear(&v), S_OK);
}

static const VARTYPE invalid_types[] = {
    VT_VOID,
    VT_HRESULT,
    15,
    VT_PTR,
    VT_SAFEARRAY,
    VT_CARRAY,
    VT_USERDEFINED,
    VT_LPSTR,
    VT_LPWSTR,
    VT_RECORD,
    VT_INT_PTR,
    VT_UINT_PTR,
    VT_FILETIME,
    VT_BLOB,
    VT_STREAM,
    VT_VERSIONED_STREAM,
    VT_BSTR_BLOB,
    VT_I4 | VT_VECTOR,
    VT_I4 | VT_RESERVED,
    VT_I4 | VT_ARRAY | VT_VECTOR,
    VT_EMPTY | VT_BYREF,
    VT_NULL | VT_BYREF,
    VT_NULL | VT_ARRAY,
    VT_SAFEARRAY | VT_BYREF,
};

static const VARTYPE valid_types[] = {
    VT_EMPTY,
    VT_NULL,
    VT_I2,
    VT_ERROR,
    VT_VARIANT,
    VT_DECIMAL,
    VT_I8,
    VT_UINT,
    VT_CLSID,
    VT_I4 | VT_BYREF,
    VT_VARIANT | VT_BYREF,
    VT_CLSID | VT_BYREF,
    VT_I4 | VT_ARRAY,
    VT_BSTR | VT_ARRAY | VT_BYREF,
};

static void test_clear_type_validity(void **state)
{
    VARIANT v;

    (void)state;
    for (size_t i = 0; i < sizeof(invalid_types) / sizeof(invalid_types[0]); i++) {
        memset(&v, 0, sizeof(v));
        V_VT(&v) = invalid_types[i];
        assert_int_equal(VariantClear(&v), DISP_E_BADVARTYPE);
        assert_int_equal(V_VT(&v), invalid_types[i]);
    }
    for (size_t i = 0; i < sizeof(valid_types) / sizeof(valid_types[0]); i++) {
        memset(&v, 0, sizeof(v));
        V_VT(&v) = valid_types[i];
        assert_int_equal(VariantClear(&v), S_OK);
        assert_int_equal(V_VT(&v), VT_EMPTY);
    }
}

/* ---- VariantCopy ------------------------------------------------------------------ */

static void test_copy_values(void **state)
{
    VARIANT src, dst;

    (void)state;
    VariantInit(&dst);
    V_VT(&src) = VT_I8;
    V_I8(&src) = INT64_MIN;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_I8);
    assert_true(V_I8(&dst) == INT64_MIN);

    V_VT(&src) = VT_R8;
    V_R8(&src) = 77665544.0;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_true(V_R8(&dst) == 77665544.0);

    /* A DECIMAL fills the whole VARIANT, over the reserved words. */
    V_DECIMAL(&src).scale = 5;
    V_DECIMAL(&src).sign = DECIMAL_NEG;
    V_DECIMAL(&src).Hi32 = 0x12345678;
    V_DECIMAL(&src).Lo64 = UINT64_C(0x9abcdef012345678);
    V_VT(&src) = VT_DECIMAL;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_DECIMAL);
    assert_memory_equal(&dst, &src, sizeof(DECIMAL));
}

static void test_copy_bstr(void **state)
{
    VARIANT src, dst;

    (void)state;
    VariantInit(&dst);
    V_VT(&src) = VT_BSTR;
    /* An odd byte length survives the copy. */
    V_BSTR(&src) = make_bstr("Tes", 3);
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_BSTR);
    assert_ptr_not_equal(V_BSTR(&dst), V_BSTR(&src));
    assert_int_equal(SysStringByteLen(V_BSTR(&dst)), 3);
    assert_memory_equal(V_BSTR(&dst), "Tes", 4);
    VariantClear(&src);

    /* The destination's old string is released by the next copy. */
    V_VT(&src) = VT_BSTR;
    V_BSTR(&src) = NULL;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_non_null(V_BSTR(&dst));
    assert_int_equal(SysStringLen(V_BSTR(&dst)), 0);
    VariantClear(&dst);
}

static void test_copy_interfaces(void **state)
{
    counted obj;
    IUnknown *punk = &obj.iface;
    VARIANT src, dst;

    (void)state;
    counted_init(&obj);
    VariantInit(&dst);
    V_VT(&src) = VT_UNKNOWN;
    V_UNKNOWN(&src) = punk;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_ptr_equal(V_UNKNOWN(&dst), punk);
    assert_int_equal(obj.refs, 2);

    /* Copying over a variant that holds a reference releases it. */
    V_VT(&src) = VT_I4;
    V_I4(&src) = 1;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_int_equal(obj.refs, 1);

    V_VT(&src) = VT_DISPATCH;
    V_DISPATCH(&src) = (IDispatch *)(void *)punk;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_DISPATCH);
    assert_int_equal(obj.refs, 2);
    VariantClear(&dst);

    V_VT(&src) = VT_UNKNOWN;
    V_UNKNOWN(&src) = NULL;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_null(V_UNKNOWN(&dst));
}

static void test_copy_reference_is_shallow(void **state)
{
    counted obj;
    IUnknown *punk = &obj.iface;
    VARIANT src, dst;

    (void)state;
    counted_init(&obj);
    VariantInit(&dst);
    V_VT(&src) = VT_UNKNOWN | VT_BYREF;
    V_UNKNOWNREF(&src) = &punk;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_UNKNOWN | VT_BYREF);
    assert_ptr_equal(V_UNKNOWNREF(&dst), &punk);
    assert_int_equal(obj.addrefs, 0);
}

static void test_copy_array(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_BSTR, 1, 2);
    SAFEARRAY **ref = &psa;
    BSTR *items;
    VARIANT src, dst;

    (void)state;
    assert_non_null(psa);
    items = psa->pvData;
    items[0] = make_bstr("one", 3);
    V_VT(&src) = VT_ARRAY | VT_BSTR;
    V_ARRAY(&src) = psa;
    VariantInit(&dst);
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_ARRAY | VT_BSTR);
    assert_ptr_not_equal(V_ARRAY(&dst), psa);
    items = V_ARRAY(&dst)->pvData;
    assert_ptr_not_equal(items[0], ((BSTR *)psa->pvData)[0]);
    assert_memory_equal(items[0], "one", 3);
    assert_null(items[1]);
    VariantClear(&dst);

    /* By reference, only the pointer is copied. */
    V_VT(&src) = VT_ARRAY | VT_BSTR | VT_BYREF;
    V_ARRAYREF(&src) = ref;
    assert_int_equal(VariantCopy(&dst, &src), S_OK);
    assert_ptr_equal(V_ARRAYREF(&dst), ref);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

/* An array SafeArrayCopy refuses (no element size): the error, and an empty destination. */
static void test_copy_bad_array(void **state)
{
    SAFEARRAY sa, *psa = &sa;
    VARIANT src, dst;

    (void)state;
    memset(&sa, 0, sizeof(sa));
    sa.cDims = 1;
    sa.fFeatures = FADF_AUTO;
    V_VT(&src) = VT_ARRAY | VT_I4;
    V_ARRAY(&src) = &sa;
    V_VT(&dst) = VT_I4;
    assert_int_equal(VariantCopy(&dst, &src), E_INVALIDARG);
    assert_int_equal(V_VT(&dst), VT_EMPTY);

    V_VT(&src) = VT_ARRAY | VT_I4 | VT_BYREF;
    V_ARRAYREF(&src) = &psa;
    V_VT(&dst) = VT_I4;
    assert_int_equal(VariantCopyInd(&dst, &src), E_INVALIDARG);
    assert_int_equal(V_VT(&dst), VT_I4);
}

static void test_copy_onto_itself(void **state)
{
    VARIANT v;
    BSTR bstr = make_bstr("same", 4);

    (void)state;
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = bstr;
    assert_int_equal(VariantCopy(&v, &v), S_OK);
    assert_ptr_equal(V_BSTR(&v), bstr);
    VariantClear(&v);

    V_VT(&v) = VT_VOID;
    assert_int_equal(VariantCopy(&v, &v), DISP_E_BADVARTYPE);
}

static void test_copy_errors(void **state)
{
    VARIANT src, dst;

    (void)state;
    V_VT(&dst) = VT_I4;
    V_I4(&dst) = 9;
    memset(&src, 0, sizeof(src));
    V_VT(&src) = VT_VOID;
    assert_int_equal(VariantCopy(&dst, &src), DISP_E_BADVARTYPE);
    /* A VT_CLSID may be cleared but not copied. */
    V_VT(&src) = VT_CLSID;
    assert_int_equal(VariantCopy(&dst, &src), DISP_E_BADVARTYPE);
    V_VT(&src) = VT_I4 | VT_VECTOR;
    assert_int_equal(VariantCopy(&dst, &src), DISP_E_BADVARTYPE);
    assert_int_equal(V_VT(&dst), VT_I4);
    assert_int_equal(V_I4(&dst), 9);

    /* A destination VariantClear refuses makes the copy fail, untouched. */
    V_VT(&src) = VT_UI1;
    V_UI1(&src) = 1;
    V_VT(&dst) = VT_HRESULT;
    assert_int_equal(VariantCopy(&dst, &src), DISP_E_BADVARTYPE);
    assert_int_equal(V_VT(&dst), VT_HRESULT);

    assert_int_equal(VariantCopy(NULL, &src), E_INVALIDARG);
    assert_int_equal(VariantCopy(&dst, NULL), E_INVALIDARG);
}

/* ---- VariantCopyInd ---------------------------------------------------------------- */

static void test_copy_ind_by_value(void **state)
{
    VARIANT src, dst;

    (void)state;
    VariantInit(&dst);
    V_VT(&src) = VT_BSTR;
    V_BSTR(&src) = make_bstr("plain", 5);
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_BSTR);
    assert_ptr_not_equal(V_BSTR(&dst), V_BSTR(&src));
    VariantClear(&dst);
    VariantClear(&src);
}

/* Every referenced scalar comes back by value with its own type and bytes. */
static void test_copy_ind_scalars(void **state)
{
    static const struct {
        VARTYPE vt;
        size_t size;
    } scalars[] = {
        {VT_I1, 1},  {VT_UI1, 1}, {VT_I2, 2},  {VT_UI2, 2},   {VT_BOOL, 2},
        {VT_I4, 4},  {VT_UI4, 4}, {VT_INT, 4}, {VT_UINT, 4},  {VT_R4, 4},
        {VT_ERROR, 4}, {VT_I8, 8}, {VT_UI8, 8}, {VT_R8, 8},   {VT_CY, 8},
        {VT_DATE, 8},
    };
    const unsigned char pattern[8] = {0x81, 0x22, 0x43, 0x64, 0x85, 0xa6, 0xc7, 0xe8};
    unsigned char buffer[8];
    VARIANT src, dst;

    (void)state;
    for (size_t i = 0; i < sizeof(scalars) / sizeof(scalars[0]); i++) {
        memcpy(buffer, pattern, sizeof(buffer));
        V_VT(&src) = scalars[i].vt | VT_BYREF;
        V_BYREF(&src) = buffer;
        memset(&dst, 0, sizeof(dst));
        assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
        assert_int_equal(V_VT(&dst), scalars[i].vt);
        assert_memory_equal(&V_UI8(&dst), pattern, scalars[i].size);
    }
}

static void test_copy_ind_decimal(void **state)
{
    DECIMAL dec;
    VARIANT src, dst;

    (void)state;
    memset(&dec, 0, sizeof(dec));
    dec.scale = 2;
    dec.Lo64 = 12345;
    V_VT(&src) = VT_DECIMAL | VT_BYREF;
    V_DECIMALREF(&src) = &dec;
    VariantInit(&dst);
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_DECIMAL);
    assert_int_equal(V_DECIMAL(&dst).scale, 2);
    assert_int_equal(V_DECIMAL(&dst).Lo64, 12345);
}

static void test_copy_ind_owned_types(void **state)
{
    counted obj;
    IUnknown *punk = &obj.iface;
    BSTR bstr = make_bstr("deep", 4);
    SAFEARRAY *psa = SafeArrayCreateVector(VT_I4, 0, 3);
    VARIANT src, dst;

    (void)state;
    counted_init(&obj);
    VariantInit(&dst);
    V_VT(&src) = VT_BSTR | VT_BYREF;
    V_BSTRREF(&src) = &bstr;
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_BSTR);
    assert_ptr_not_equal(V_BSTR(&dst), bstr);
    assert_memory_equal(V_BSTR(&dst), "deep", 4);

    V_VT(&src) = VT_UNKNOWN | VT_BYREF;
    V_UNKNOWNREF(&src) = &punk;
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_UNKNOWN);
    assert_int_equal(obj.refs, 2);
    VariantClear(&dst);

    /* In place, the reference becomes a counted value. */
    assert_int_equal(VariantCopyInd(&src, &src), S_OK);
    assert_int_equal(V_VT(&src), VT_UNKNOWN);
    assert_int_equal(obj.refs, 2);
    VariantClear(&src);

    V_VT(&src) = VT_DISPATCH | VT_BYREF;
    V_DISPATCHREF(&src) = (IDispatch **)(void *)&punk;
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_DISPATCH);
    assert_int_equal(obj.refs, 2);
    VariantClear(&dst);

    assert_non_null(psa);
    ((LONG *)psa->pvData)[2] = 77;
    V_VT(&src) = VT_ARRAY | VT_I4 | VT_BYREF;
    V_ARRAYREF(&src) = &psa;
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_ARRAY | VT_I4);
    assert_ptr_not_equal(V_ARRAY(&dst), psa);
    assert_int_equal(((LONG *)V_ARRAY(&dst)->pvData)[2], 77);
    VariantClear(&dst);

    assert_int_equal(SafeArrayDestroy(psa), S_OK);
    SysFreeString(bstr);
}

static void test_copy_ind_variant_reference(void **state)
{
    BYTE byte = 0x88;
    VARIANT target, inner, src, dst;

    (void)state;
    VariantInit(&dst);
    V_VT(&target) = VT_UI1;
    V_UI1(&target) = 0x77;
    V_VT(&src) = VT_VARIANT | VT_BYREF;
    V_VARIANTREF(&src) = &target;
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_UI1);
    assert_int_equal(V_UI1(&dst), 0x77);

    /* A VARIANT holding a reference is followed too... */
    V_VT(&target) = VT_UI1 | VT_BYREF;
    V_UI1REF(&target) = &byte;
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_UI1);
    assert_int_equal(V_UI1(&dst), 0x88);

    /* ... and one holding a string is copied deeply. */
    V_VT(&target) = VT_BSTR;
    V_BSTR(&target) = make_bstr("in", 2);
    assert_int_equal(VariantCopyInd(&dst, &src), S_OK);
    assert_int_equal(V_VT(&dst), VT_BSTR);
    assert_ptr_not_equal(V_BSTR(&dst), V_BSTR(&target));
    VariantClear(&dst);
    VariantClear(&target);

    /* But a reference to a reference to a VARIANT is refused. */
    V_VT(&inner) = VT_UI1;
    V_UI1(&inner) = 1;
    V_VT(&target) = VT_VARIANT | VT_BYREF;
    V_VARIANTREF(&target) = &inner;
    assert_int_equal(VariantCopyInd(&dst, &src), E_INVALIDARG);

    /* As is a referenced VARIANT of an invalid type. */
    V_VT(&target) = VT_VOID;
    assert_int_equal(VariantCopyInd(&dst, &src), DISP_E_BADVARTYPE);
}

static void test_copy_ind_errors(void **state)
{
    static const VARTYPE refused[] = {
        VT_EMPTY | VT_BYREF,     VT_NULL | VT_BYREF,   VT_VOID | VT_BYREF,
        VT_CLSID | VT_BYREF,     15 | VT_BYREF,         VT_I4 | VT_VECTOR | VT_BYREF,
        VT_I4 | VT_RESERVED | VT_BYREF,
    };
    unsigned char buffer[16] = {0};
    VARIANT src, dst;

    (void)state;
    V_VT(&dst) = VT_I4;
    V_I4(&dst) = 3;
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        V_VT(&src) = refused[i];
        V_BYREF(&src) = buffer;
        assert_int_equal(VariantCopyInd(&dst, &src), E_INVALIDARG);
    }
    V_VT(&src) = VT_I4 | VT_BYREF;
    V_BYREF(&src) = NULL;
    assert_int_equal(VariantCopyInd(&dst, &src), E_INVALIDARG);
    assert_int_equal(V_VT(&dst), VT_I4);
    assert_int_equal(V_I4(&dst), 3);

    assert_int_equal(VariantCopyInd(NULL, &src), E_INVALIDARG);
    assert_int_equal(VariantCopyInd(&dst, NULL), E_INVALIDARG);
}

/* A destination VariantClear refuses: the error, and the copy made is not leaked. */
static void test_copy_ind_bad_destination(void **state)
{
    BSTR bstr = make_bstr("kept", 4);
    VARIANT src, dst;

    (void)state;
    V_VT(&src) = VT_BSTR | VT_BYREF;
    V_BSTRREF(&src) = &bstr;
    memset(&dst, 0, sizeof(dst));
    V_VT(&dst) = VT_I4 | VT_VECTOR;
    assert_int_equal(VariantCopyInd(&dst, &src), DISP_E_BADVARTYPE);
    assert_int_equal(V_VT(&dst), VT_I4 | VT_VECTOR);
    SysFreeString(bstr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init),
        cmocka_unit_test(test_clear_value_types),
        cmocka_unit_test(test_clear_bstr),
        cmocka_unit_test(test_clear_interfaces),
        cmocka_unit_test(test_clear_references_owns_nothing),
        cmocka_unit_test(test_clear_array),
        cmocka_unit_test(test_clear_type_validity),
        cmocka_unit_test(test_copy_values),
        cmocka_unit_test(test_copy_bstr),
        cmocka_unit_test(test_copy_interfaces),
        cmocka_unit_test(test_copy_reference_is_shallow),
        cmocka_unit_test(test_copy_array),
        cmocka_unit_test(test_copy_bad_array),
        cmocka_unit_test(test_copy_onto_itself),
        cmocka_unit_test(test_copy_errors),
        cmocka_unit_test(test_copy_ind_by_value),
        cmocka_unit_test(test_copy_ind_scalars),
        cmocka_unit_test(test_copy_ind_decimal),
        cmocka_unit_test(test_copy_ind_owned_types),
        cmocka_unit_test(test_copy_ind_variant_reference),
        cmocka_unit_test(test_copy_ind_errors),
        cmocka_unit_test(test_copy_ind_bad_destination),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
