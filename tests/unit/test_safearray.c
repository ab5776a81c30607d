/*
 * test_safearray.c - the SAFEARRAY subset: vectors, locking, bounds, types,
 * destruction and copies.
 *
 * Expected flags, sizes and errors are oleaut32's as Wine's conformance tests
 * record them (dlls/oleaut32/tests/safearray.c), including the layout of the
 * 16 bytes before the descriptor (the VARTYPE, or the IID of interface arrays).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/com.h>

#include <stdbool.h>
#include <string.h>

/* oleaut32's flag for vectors; the Windows headers do not name it. */
#define FADF_CREATEVECTOR 0x2000

/* ---- An object that only counts references ----------------------------------- */

typedef struct {
    IUnknown iface;
    LONG refs;
} ref_counter;

static HRESULT STDMETHODCALLTYPE rc_query_interface(IUnknown *This, REFIID riid, void **ppv)
{
    (void)This, (void)riid;
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE rc_add_ref(IUnknown *This)
{
    return (ULONG)++((ref_counter *)(void *)This)->refs;
}

static ULONG STDMETHODCALLTYPE rc_release(IUnknown *This)
{
    return (ULONG)--((ref_counter *)(void *)This)->refs;
}

static const IUnknownVtbl ref_counter_vtbl = {rc_query_interface, rc_add_ref, rc_release};

/* ---- SafeArrayCreateVector ----------------------------------------------------------- */

static const struct {
    VARTYPE vt;
    ULONG size;
    USHORT features;
} vector_types[] = {
    {VT_I1, 1, FADF_HAVEVARTYPE},
    {VT_UI1, 1, FADF_HAVEVARTYPE},
    {VT_I2, 2, FADF_HAVEVARTYPE},
    {VT_UI2, 2, FADF_HAVEVARTYPE},
    {VT_BOOL, 2, FADF_HAVEVARTYPE},
    {VT_I4, 4, FADF_HAVEVARTYPE},
    {VT_UI4, 4, FADF_HAVEVARTYPE},
    {VT_INT, 4, FADF_HAVEVARTYPE},
    {VT_UINT, 4, FADF_HAVEVARTYPE},
    {VT_R4, 4, FADF_HAVEVARTYPE},
    {VT_ERROR, 4, FADF_HAVEVARTYPE},
    {VT_I8, 8, FADF_HAVEVARTYPE},
    {VT_UI8, 8, FADF_HAVEVARTYPE},
    {VT_R8, 8, FADF_HAVEVARTYPE},
    {VT_CY, 8, FADF_HAVEVARTYPE},
    {VT_DATE, 8, FADF_HAVEVARTYPE},
    {VT_DECIMAL, sizeof(DECIMAL), FADF_HAVEVARTYPE},
    {VT_BSTR, sizeof(BSTR), FADF_HAVEVARTYPE | FADF_BSTR},
    {VT_VARIANT, sizeof(VARIANT), FADF_HAVEVARTYPE | FADF_VARIANT},
    {VT_UNKNOWN, sizeof(IUnknown *), FADF_HAVEIID | FADF_UNKNOWN},
    {VT_DISPATCH, sizeof(IDispatch *), FADF_HAVEIID | FADF_DISPATCH},
};

static bool all_zero(const void *data, size_t size)
{
    const unsigned char *bytes = data;

    for (size_t i = 0; i < size; i++) {
        if (bytes[i])
            return false;
    }
    return true;
}

static void test_create_vector(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(vector_types) / sizeof(vector_types[0]); i++) {
        SAFEARRAY *psa = SafeArrayCreateVector(vector_types[i].vt, -2, 5);
        VARTYPE vt = VT_EMPTY;
        LONG bound;

        assert_non_null(psa);
        assert_int_equal(psa->cDims, 1);
        assert_int_equal(psa->cLocks, 0);
        assert_int_equal(psa->cbElements, vector_types[i].size);
        assert_int_equal(psa->fFeatures, vector_types[i].features | FADF_CREATEVECTOR);
        assert_int_equal(psa->rgsabound[0].cElements, 5);
        assert_int_equal(psa->rgsabound[0].lLbound, -2);
        assert_int_equal(SafeArrayGetDim(psa), 1);
        assert_int_equal(SafeArrayGetElemsize(psa), vector_types[i].size);
        assert_int_equal(SafeArrayGetVartype(psa, &vt), S_OK);
        assert_int_equal(vt, vector_types[i].vt);
        assert_int_equal(SafeArrayGetLBound(psa, 1, &bound), S_OK);
        assert_int_equal(bound, -2);
        assert_int_equal(SafeArrayGetUBound(psa, 1, &bound), S_OK);
        assert_int_equal(bound, 2);
        /* Zeroed data (VT_EMPTY variants, NULL strings), aligned for any element. */
        assert_non_null(psa->pvData);
        assert_int_equal((uintptr_t)psa->pvData % 8, 0);
        assert_true(all_zero(psa->pvData, 5 * (size_t)vector_types[i].size));
        assert_int_equal(SafeArrayDestroy(psa), S_OK);
    }
}

/* The 16 bytes before the descriptor: the VARTYPE last, or a whole IID. */
static void test_vector_prefix_layout(void **state)
{
    SAFEARRAY *psa;
    uint32_t stored;

    (void)state;
    psa = SafeArrayCreateVector(VT_R8, 0, 1);
    memcpy(&stored, (const unsigned char *)psa - sizeof(stored), sizeof(stored));
    assert_int_equal(stored, VT_R8);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);

    psa = SafeArrayCreateVector(VT_UNKNOWN, 0, 1);
    assert_memory_equal((const unsigned char *)psa - sizeof(GUID), &IID_IUnknown, sizeof(GUID));
    assert_int_equal(SafeArrayDestroy(psa), S_OK);

    psa = SafeArrayCreateVector(VT_DISPATCH, 0, 1);
    assert_memory_equal((const unsigned char *)psa - sizeof(GUID), &IID_IDispatch, sizeof(GUID));
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

static void test_create_vector_refuses_types(void **state)
{
    static const VARTYPE refused[] = {
        VT_EMPTY, VT_NULL,  VT_VOID,     VT_HRESULT, VT_PTR,          VT_SAFEARRAY,
        VT_CARRAY, VT_LPSTR, VT_LPWSTR,  VT_RECORD,  15,              VT_CLSID,
        VT_FILETIME, VT_BSTR_BLOB, VT_I4 | VT_BYREF, VT_I4 | VT_ARRAY,
    };

    (void)state;
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
        assert_null(SafeArrayCreateVector(refused[i], 0, 1));
}

static void test_empty_vector(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_I4, 5, 0);
    void *data = NULL;
    LONG bound;

    (void)state;
    assert_non_null(psa);
    assert_int_equal(SafeArrayGetLBound(psa, 1, &bound), S_OK);
    assert_int_equal(bound, 5);
    /* An empty dimension ends just before it starts. */
    assert_int_equal(SafeArrayGetUBound(psa, 1, &bound), S_OK);
    assert_int_equal(bound, 4);
    assert_int_equal(SafeArrayAccessData(psa, &data), S_OK);
    assert_int_equal(SafeArrayUnaccessData(psa), S_OK);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

/* ---- Locking ------------------------------------------------------------------------ */

static void test_access_data(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_I4, 0, 4);
    LONG *data = NULL;

    (void)state;
    assert_int_equal(SafeArrayAccessData(psa, (void **)&data), S_OK);
    assert_ptr_equal(data, psa->pvData);
    assert_int_equal(psa->cLocks, 1);
    data[3] = 42;
    assert_int_equal(SafeArrayAccessData(psa, (void **)&data), S_OK);
    assert_int_equal(psa->cLocks, 2);
    assert_int_equal(SafeArrayUnaccessData(psa), S_OK);
    assert_int_equal(SafeArrayUnaccessData(psa), S_OK);
    assert_int_equal(psa->cLocks, 0);
    assert_int_equal(((LONG *)psa->pvData)[3], 42);
    assert_int_equal(SafeArrayUnaccessData(psa), E_UNEXPECTED);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

static void test_access_data_errors(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_UI1, 0, 1);
    void *data;

    (void)state;
    assert_int_equal(SafeArrayAccessData(NULL, &data), E_INVALIDARG);
    assert_int_equal(SafeArrayAccessData(psa, NULL), E_INVALIDARG);
    assert_int_equal(SafeArrayUnaccessData(NULL), E_INVALIDARG);
    assert_int_equal(psa->cLocks, 0);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

static void test_lock_limit(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_UI1, 0, 100);
    void *data;
    unsigned count = 0;

    (void)state;
    while (SafeArrayAccessData(psa, &data) == S_OK)
        count++;
    assert_int_equal(count, 65535);
    assert_int_equal(SafeArrayAccessData(psa, &data), E_UNEXPECTED);
    while (SafeArrayUnaccessData(psa) == S_OK)
        count--;
    assert_int_equal(count, 0);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

/* ---- Bounds, dimensions, types ----------------------------------------------------- */

/* A two-dimensional descriptor on the stack, as callers build them (FADF_AUTO). */
typedef struct {
    SAFEARRAY sa;
    SAFEARRAYBOUND second;
} two_dims;

static void init_two_dims(two_dims *a, LONG *data)
{
    memset(a, 0, sizeof(*a));
    a->sa.cDims = 2;
    a->sa.fFeatures = FADF_AUTO;
    a->sa.cbElements = sizeof(LONG);
    a->sa.pvData = data;
    /* Stored rightmost dimension first, as oleaut32 does: dimension 1 is [1]. */
    a->sa.rgsabound[0].cElements = 3;
    a->sa.rgsabound[0].lLbound = 10;
    a->second.cElements = 2;
    a->second.lLbound = -1;
}

static void test_bounds(void **state)
{
    LONG data[6] = {0};
    two_dims a;
    LONG bound = 99;

    (void)state;
    init_two_dims(&a, data);
    assert_int_equal(SafeArrayGetDim(&a.sa), 2);
    assert_int_equal(SafeArrayGetLBound(&a.sa, 1, &bound), S_OK);
    assert_int_equal(bound, -1);
    assert_int_equal(SafeArrayGetUBound(&a.sa, 1, &bound), S_OK);
    assert_int_equal(bound, 0);
    assert_int_equal(SafeArrayGetLBound(&a.sa, 2, &bound), S_OK);
    assert_int_equal(bound, 10);
    assert_int_equal(SafeArrayGetUBound(&a.sa, 2, &bound), S_OK);
    assert_int_equal(bound, 12);

    bound = 99;
    assert_int_equal(SafeArrayGetLBound(&a.sa, 0, &bound), DISP_E_BADINDEX);
    assert_int_equal(SafeArrayGetLBound(&a.sa, 3, &bound), DISP_E_BADINDEX);
    assert_int_equal(SafeArrayGetUBound(&a.sa, 0, &bound), DISP_E_BADINDEX);
    assert_int_equal(SafeArrayGetUBound(&a.sa, 3, &bound), DISP_E_BADINDEX);
    assert_int_equal(bound, 99);
    assert_int_equal(SafeArrayGetLBound(NULL, 1, &bound), E_INVALIDARG);
    assert_int_equal(SafeArrayGetUBound(NULL, 1, &bound), E_INVALIDARG);
    assert_int_equal(SafeArrayGetLBound(&a.sa, 1, NULL), E_INVALIDARG);
    assert_int_equal(SafeArrayGetUBound(&a.sa, 1, NULL), E_INVALIDARG);
}

static void test_null_array_queries(void **state)
{
    VARTYPE vt;
    SAFEARRAY *psa = SafeArrayCreateVector(VT_I2, 0, 1);

    (void)state;
    assert_int_equal(SafeArrayGetDim(NULL), 0);
    assert_int_equal(SafeArrayGetElemsize(NULL), 0);
    assert_int_equal(SafeArrayGetVartype(NULL, &vt), E_INVALIDARG);
    assert_int_equal(SafeArrayGetVartype(psa, NULL), E_INVALIDARG);
    assert_int_equal(SafeArrayDestroy(NULL), S_OK);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

static void test_vartype_from_flags(void **state)
{
    LONG data[6] = {0};
    two_dims a;
    VARTYPE vt = VT_I2;

    (void)state;
    init_two_dims(&a, data);
    /* No type flags: nothing to tell. */
    assert_int_equal(SafeArrayGetVartype(&a.sa, &vt), DISP_E_BADVARTYPE);
    assert_int_equal(vt, VT_I2);
    a.sa.fFeatures |= FADF_RECORD;
    assert_int_equal(SafeArrayGetVartype(&a.sa, &vt), S_OK);
    assert_int_equal(vt, VT_RECORD);
}

/* ---- Destruction -------------------------------------------------------------------- */

static void test_destroy_locked(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_BSTR, 0, 1);
    void *data;

    (void)state;
    ((BSTR *)psa->pvData)[0] = SysAllocStringByteLen("kept", 4);
    assert_int_equal(SafeArrayAccessData(psa, &data), S_OK);
    assert_int_equal(SafeArrayDestroy(psa), DISP_E_ARRAYISLOCKED);
    /* Nothing was released: the element is still there. */
    assert_int_equal(SysStringByteLen(((BSTR *)psa->pvData)[0]), 4);
    assert_int_equal(SafeArrayUnaccessData(psa), S_OK);
    assert_int_equal(SafeArrayDestroy(psa), S_OK);
}

static void test_destroy_releases_elements(void **state)
{
    ref_counter obj = {{&ref_counter_vtbl}, 3};
    SAFEARRAY *unknowns = SafeArrayCreateVector(VT_UNKNOWN, 0, 3);
    SAFEARRAY *dispatches = SafeArrayCreateVector(VT_DISPATCH, 0, 1);
    SAFEARRAY *variants = SafeArrayCreateVector(VT_VARIANT, 0, 3);
    SAFEARRAY *strings = SafeArrayCreateVector(VT_BSTR, 0, 2);
    VARIANT *items;

    (void)state;
    ((IUnknown **)unknowns->pvData)[0] = &obj.iface;
    ((IUnknown **)unknowns->pvData)[2] = &obj.iface;
    assert_int_equal(SafeArrayDestroy(unknowns), S_OK);
    assert_int_equal(obj.refs, 1);

    obj.refs = 2;
    ((IDispatch **)dispatches->pvData)[0] = (IDispatch *)(void *)&obj.iface;
    assert_int_equal(SafeArrayDestroy(dispatches), S_OK);
    assert_int_equal(obj.refs, 1);

    obj.refs = 2;
    items = variants->pvData;
    V_VT(&items[0]) = VT_UNKNOWN;
    V_UNKNOWN(&items[0]) = &obj.iface;
    V_VT(&items[1]) = VT_BSTR;
    V_BSTR(&items[1]) = SysAllocStringByteLen("inside", 6);
    assert_int_equal(SafeArrayDestroy(variants), S_OK);
    assert_int_equal(obj.refs, 1);

    /* The strings are freed: the leak checkers of the test runs see to it. */
    ((BSTR *)strings->pvData)[1] = SysAllocStringByteLen("freed", 5);
    assert_int_equal(SafeArrayDestroy(strings), S_OK);
}

/* A caller's descriptor and data: the elements are released, the memory is not freed. */
static void test_destroy_foreign_storage(void **state)
{
    ref_counter obj = {{&ref_counter_vtbl}, 2};
    IUnknown *items[2] = {&obj.iface, NULL};
    SAFEARRAY sa;

    (void)state;
    memset(&sa, 0, sizeof(sa));
    sa.cDims = 1;
    sa.fFeatures = FADF_AUTO | FADF_UNKNOWN;
    sa.cbElements = sizeof(IUnknown *);
    sa.pvData = items;
    sa.rgsabound[0].cElements = 2;
    assert_int_equal(SafeArrayDestroy(&sa), S_OK);
    assert_int_equal(obj.refs, 1);
    assert_null(items[0]);
}

/* ---- SafeArrayCopy -------------------------------------------------------------------- */

static void test_copy_vector(void **state)
{
    ref_counter obj = {{&ref_counter_vtbl}, 1};
    SAFEARRAY *strings = SafeArrayCreateVector(VT_BSTR, 3, 2);
    SAFEARRAY *unknowns = SafeArrayCreateVector(VT_UNKNOWN, 0, 2);
    SAFEARRAY *copy = NULL;
    VARTYPE vt;
    void *data;
    BSTR *from, *to;

    (void)state;
    from = strings->pvData;
    from[0] = SysAllocStringByteLen("odd", 3);
    assert_int_equal(SafeArrayAccessData(strings, &data), S_OK);
    assert_int_equal(SafeArrayCopy(strings, &copy), S_OK);
    assert_int_equal(SafeArrayUnaccessData(strings), S_OK);
    /* The copy is an ordinary array: unlocked, data apart, no vector flag. */
    assert_int_equal(copy->fFeatures, FADF_HAVEVARTYPE | FADF_BSTR);
    assert_int_equal(copy->cLocks, 0);
    assert_int_equal(copy->rgsabound[0].lLbound, 3);
    assert_int_equal(copy->rgsabound[0].cElements, 2);
    assert_int_equal(SafeArrayGetVartype(copy, &vt), S_OK);
    assert_int_equal(vt, VT_BSTR);
    to = copy->pvData;
    assert_ptr_not_equal(to[0], from[0]);
    assert_int_equal(SysStringByteLen(to[0]), 3);
    assert_memory_equal(to[0], "odd", 3);
    assert_null(to[1]);
    assert_int_equal(SafeArrayDestroy(copy), S_OK);
    assert_int_equal(SafeArrayDestroy(strings), S_OK);

    ((IUnknown **)unknowns->pvData)[1] = &obj.iface;
    obj.refs = 2;
    assert_int_equal(SafeArrayCopy(unknowns, &copy), S_OK);
    assert_int_equal(obj.refs, 3);
    assert_memory_equal((const unsigned char *)copy - sizeof(GUID), &IID_IUnknown, sizeof(GUID));
    assert_int_equal(SafeArrayDestroy(copy), S_OK);
    assert_int_equal(SafeArrayDestroy(unknowns), S_OK);
    assert_int_equal(obj.refs, 1);
}

static void test_copy_variants(void **state)
{
    SAFEARRAY *variants = SafeArrayCreateVector(VT_VARIANT, 0, 2);
    SAFEARRAY *copy = NULL;
    VARIANT *from, *to;

    (void)state;
    from = variants->pvData;
    V_VT(&from[0]) = VT_BSTR;
    V_BSTR(&from[0]) = SysAllocStringByteLen("variant", 7);
    V_VT(&from[1]) = VT_I4;
    V_I4(&from[1]) = -4;
    assert_int_equal(SafeArrayCopy(variants, &copy), S_OK);
    to = copy->pvData;
    assert_int_equal(V_VT(&to[0]), VT_BSTR);
    assert_ptr_not_equal(V_BSTR(&to[0]), V_BSTR(&from[0]));
    assert_int_equal(V_VT(&to[1]), VT_I4);
    assert_int_equal(V_I4(&to[1]), -4);
    assert_int_equal(SafeArrayDestroy(copy), S_OK);

    /* A variant that cannot be copied fails the whole copy, leaving nothing behind. */
    V_VT(&from[1]) = VT_VOID;
    copy = (SAFEARRAY *)&copy;
    assert_int_equal(SafeArrayCopy(variants, &copy), DISP_E_BADVARTYPE);
    assert_null(copy);
    V_VT(&from[1]) = VT_EMPTY;
    assert_int_equal(SafeArrayDestroy(variants), S_OK);
}

static void test_copy_foreign_descriptor(void **state)
{
    LONG data[6] = {1, 2, 3, 4, 5, 6};
    SAFEARRAY *copy = NULL;
    two_dims a;
    LONG bound;

    (void)state;
    init_two_dims(&a, data);
    a.sa.fFeatures |= FADF_STATIC | FADF_FIXEDSIZE;
    assert_int_equal(SafeArrayCopy(&a.sa, &copy), S_OK);
    /* The storage flags describe the original's memory, not the copy's. */
    assert_int_equal(copy->fFeatures, 0);
    assert_int_equal(SafeArrayGetDim(copy), 2);
    assert_int_equal(SafeArrayGetLBound(copy, 1, &bound), S_OK);
    assert_int_equal(bound, -1);
    assert_ptr_not_equal(copy->pvData, data);
    assert_memory_equal(copy->pvData, data, sizeof(data));
    assert_int_equal(SafeArrayDestroy(copy), S_OK);
}

static void test_copy_errors(void **state)
{
    SAFEARRAY *copy = (SAFEARRAY *)&copy;
    LONG data[6] = {0};
    two_dims a;

    (void)state;
    /* Copying nothing gives nothing. */
    assert_int_equal(SafeArrayCopy(NULL, &copy), S_OK);
    assert_null(copy);
    assert_int_equal(SafeArrayCopy(NULL, NULL), E_INVALIDARG);

    init_two_dims(&a, data);
    a.sa.cbElements = 0;
    copy = (SAFEARRAY *)&copy;
    assert_int_equal(SafeArrayCopy(&a.sa, &copy), E_INVALIDARG);
    assert_null(copy);
}

/* Element counts or sizes beyond the address space cannot be copied. */
static void test_copy_impossible_size(void **state)
{
    struct {
        SAFEARRAY sa;
        SAFEARRAYBOUND more[2];
    } huge;
    SAFEARRAY *copy = (SAFEARRAY *)&copy;
    BYTE data = 0;

    (void)state;
    memset(&huge, 0, sizeof(huge));
    huge.sa.cDims = 3;
    huge.sa.fFeatures = FADF_AUTO;
    huge.sa.cbElements = 1;
    huge.sa.pvData = &data;
    huge.sa.rgsabound[0].cElements = 0xffffffffu;
    huge.more[0].cElements = 0xffffffffu;
    huge.more[1].cElements = 0xffffffffu;
    assert_int_equal(SafeArrayCopy(&huge.sa, &copy), E_INVALIDARG);
    assert_null(copy);

    /* Two dimensions: a count that fits 64 bits, bytes that do not. */
    huge.sa.cDims = 2;
    huge.sa.cbElements = 0x20000;
    huge.sa.rgsabound[0].cElements = 0x10000;
    assert_int_equal(SafeArrayCopy(&huge.sa, &copy), E_INVALIDARG);
    assert_null(copy);

    /* Destroying such a fake is harmless: there is nothing it could walk through. */
    huge.sa.cDims = 3;
    huge.sa.fFeatures |= FADF_BSTR;
    assert_int_equal(SafeArrayDestroy(&huge.sa), S_OK);
}

/* A descriptor without data: copied as one, destroyed as one. */
static void test_descriptor_without_data(void **state)
{
    SAFEARRAY sa, *copy = NULL;

    (void)state;
    memset(&sa, 0, sizeof(sa));
    sa.cDims = 1;
    sa.fFeatures = FADF_AUTO | FADF_BSTR;
    sa.cbElements = sizeof(BSTR);
    sa.rgsabound[0].cElements = 4;
    assert_int_equal(SafeArrayCopy(&sa, &copy), S_OK);
    assert_null(copy->pvData);
    assert_int_equal(copy->rgsabound[0].cElements, 4);
    assert_int_equal(SafeArrayDestroy(copy), S_OK);
    assert_int_equal(SafeArrayDestroy(&sa), S_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_vector),
        cmocka_unit_test(test_vector_prefix_layout),
        cmocka_unit_test(test_create_vector_refuses_types),
        cmocka_unit_test(test_empty_vector),
        cmocka_unit_test(test_access_data),
        cmocka_unit_test(test_access_data_errors),
        cmocka_unit_test(test_lock_limit),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_null_array_queries),
        cmocka_unit_test(test_vartype_from_flags),
        cmocka_unit_test(test_destroy_locked),
        cmocka_unit_test(test_destroy_releases_elements),
        cmocka_unit_test(test_destroy_foreign_storage),
        cmocka_unit_test(test_copy_vector),
        cmocka_unit_test(test_copy_variants),
        cmocka_unit_test(test_copy_foreign_descriptor),
        cmocka_unit_test(test_copy_errors),
        cmocka_unit_test(test_copy_impossible_size),
        cmocka_unit_test(test_descriptor_without_data),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
