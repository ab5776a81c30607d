/*
 * test_oom.c - libccw when memory runs out.
 *
 * This executable links libccw's objects rather than the shared library,
 * with the allocator wrapped (tests/common/fail_alloc.h), so that the
 * runtime's own allocations can be made to fail.  Each test walks one
 * allocating function: attempt n makes the call's (n+1)th allocation fail,
 * until an attempt in which nothing failed; every failing attempt must give
 * the documented error, leave the output parameters as documented and leak
 * nothing.  The walk stops at the number of allocations the call makes,
 * which the test then checks, so that no failure point goes untried.
 *
 * Every test runs twice: once with only the chosen allocation failing, and
 * once with every allocation from it on failing (memory exhausted), which
 * is what failure paths that allocate meet in practice.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/runtime.h>

#include "fail_alloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define W(literal) ((const OLECHAR *)u"" literal)

/* A value no call writes: an output parameter still holding it was untouched. */
static OLECHAR untouched_text[] = { 'u', 0 };
#define UNTOUCHED_OLESTR ((LPOLESTR)untouched_text)
#define UNTOUCHED_BSTR ((BSTR)untouched_text)
#define UNTOUCHED_UTF8 ((char *)untouched_text)
#define UNTOUCHED_LENGTH ((size_t)0x5eed)

/* ---- Failure modes and the leak check ---------------------------------- */

typedef enum failure_mode { ONE_FAILURE, MEMORY_EXHAUSTED } failure_mode;

static failure_mode mode;

/* Arms the walk's attempt n in the group's mode. */
static void fail_allocation(unsigned n)
{
    if (mode == MEMORY_EXHAUSTED)
        fail_alloc_from(n);
    else
        fail_alloc_at(n);
}

static long live_at_start;

static int record_live_blocks(void **state)
{
    (void)state;
    live_at_start = fail_alloc_live();
    return 0;
}

/* After every test: nothing it allocated through libccw is left, and no
 * error object is left on the thread for the next test to find. */
static int check_nothing_left(void **state)
{
    IErrorInfo *left = NULL;

    (void)state;
    assert_int_equal(GetErrorInfo(0, &left), S_FALSE);
    assert_int_equal(fail_alloc_live(), live_at_start);
    return 0;
}

/* ---- Helpers ----------------------------------------------------------- */

static bool olestr_equals(const OLECHAR *str, const char *ascii)
{
    size_t i;

    for (i = 0; ascii[i]; i++) {
        if (str[i] != (OLECHAR)(unsigned char)ascii[i])
            return false;
    }
    return str[i] == 0;
}

static void assert_bstr(BSTR bstr, const char *ascii)
{
    assert_non_null(bstr);
    assert_int_equal(SysStringLen(bstr), strlen(ascii));
    assert_true(olestr_equals(bstr, ascii));
}

/* A BSTR made before the walk starts (with no failure armed). */
static BSTR make_bstr(const char *utf8)
{
    BSTR bstr = NULL;

    assert_int_equal(ccw_bstr_from_utf8(utf8, CCW_NUL_TERMINATED, &bstr), S_OK);
    return bstr;
}

/* A 1-D array of BSTRs; NULL entries stay NULL. */
static SAFEARRAY *make_bstr_array(const char *const *texts, ULONG count)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_BSTR, 0, count);
    BSTR *items;

    assert_non_null(psa);
    items = psa->pvData;
    for (ULONG i = 0; i < count; i++)
        items[i] = texts[i] ? make_bstr(texts[i]) : NULL;
    return psa;
}

static void assert_bstr_array(SAFEARRAY *psa, const char *const *texts, ULONG count)
{
    BSTR *items;

    assert_non_null(psa);
    assert_int_equal(psa->rgsabound[0].cElements, count);
    items = psa->pvData;
    for (ULONG i = 0; i < count; i++) {
        if (texts[i])
            assert_bstr(items[i], texts[i]);
        else
            assert_null(items[i]);
    }
}

static const char *const three_texts[] = { "one", NULL, "three" };
#define THREE_TEXTS_ALLOCATIONS 2 /* the NULL entry copies as NULL */

static const char *const two_texts[] = { "in", "ner" };

/*
 * [VT_BSTR "x", VT_I4 7, VT_ARRAY|VT_BSTR {"in", "ner"}]: a copy allocates a
 * descriptor and data for each array, and one block per string.
 */
static SAFEARRAY *make_variant_array(void)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_VARIANT, 0, 3);
    VARIANT *items;

    assert_non_null(psa);
    items = psa->pvData;
    V_VT(&items[0]) = VT_BSTR;
    V_BSTR(&items[0]) = make_bstr("x");
    V_VT(&items[1]) = VT_I4;
    V_I4(&items[1]) = 7;
    V_VT(&items[2]) = VT_ARRAY | VT_BSTR;
    V_ARRAY(&items[2]) = make_bstr_array(two_texts, 2);
    return psa;
}
#define VARIANT_ARRAY_ALLOCATIONS (2 + 1 + 2 + 2)

static void assert_variant_array(SAFEARRAY *psa)
{
    VARIANT *items;

    assert_non_null(psa);
    assert_int_equal(psa->rgsabound[0].cElements, 3);
    items = psa->pvData;
    assert_int_equal(V_VT(&items[0]), VT_BSTR);
    assert_bstr(V_BSTR(&items[0]), "x");
    assert_int_equal(V_VT(&items[1]), VT_I4);
    assert_int_equal(V_I4(&items[1]), 7);
    assert_int_equal(V_VT(&items[2]), VT_ARRAY | VT_BSTR);
    assert_bstr_array(V_ARRAY(&items[2]), two_texts, 2);
}

/* ---- An IUnknown that counts its references ----------------------------- */

typedef struct counted {
    IUnknown iface;
    ULONG refs;
} counted;

static HRESULT STDMETHODCALLTYPE counted_query_interface(IUnknown *This, REFIID riid, void **ppv)
{
    (void)riid;
    (void)This;
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE counted_add_ref(IUnknown *This)
{
    return ++((counted *)(void *)This)->refs;
}

static ULONG STDMETHODCALLTYPE counted_release(IUnknown *This)
{
    return --((counted *)(void *)This)->refs;
}

static const IUnknownVtbl counted_vtbl = {
    .QueryInterface = counted_query_interface,
    .AddRef = counted_add_ref,
    .Release = counted_release,
};

/* ---- An IDispatch whose default property is a string ------------------- */

/* Its Invoke allocates the value, as a real object's would: the walk fails
 * that allocation too. */
static HRESULT STDMETHODCALLTYPE named_query_interface(IDispatch *This, REFIID riid, void **ppv)
{
    (void)This;
    (void)riid;
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE named_add_ref(IDispatch *This)
{
    (void)This;
    return 2;
}

static ULONG STDMETHODCALLTYPE named_release(IDispatch *This)
{
    (void)This;
    return 1;
}

static HRESULT STDMETHODCALLTYPE named_get_type_info_count(IDispatch *This, UINT *count)
{
    (void)This;
    *count = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE named_get_type_info(IDispatch *This, UINT index, LCID lcid,
                                                     ITypeInfo **info)
{
    (void)This;
    (void)index;
    (void)lcid;
    *info = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE named_get_ids_of_names(IDispatch *This, REFIID riid,
                                                        LPOLESTR *names, UINT count, LCID lcid,
                                                        DISPID *ids)
{
    (void)This;
    (void)riid;
    (void)names;
    (void)lcid;
    for (UINT i = 0; i < count; i++)
        ids[i] = DISPID_UNKNOWN;
    return DISP_E_UNKNOWNNAME;
}

static HRESULT STDMETHODCALLTYPE named_invoke(IDispatch *This, DISPID member, REFIID riid,
                                              LCID lcid, WORD flags, DISPPARAMS *params,
                                              VARIANT *result, EXCEPINFO *exception,
                                              UINT *arg_error)
{
    (void)This;
    (void)riid;
    (void)lcid;
    (void)params;
    (void)exception;
    (void)arg_error;
    if (member != DISPID_VALUE || !(flags & DISPATCH_PROPERTYGET) || !result)
        return DISP_E_MEMBERNOTFOUND;
    V_VT(result) = VT_BSTR;
    V_BSTR(result) = SysAllocString(W("1234"));
    return V_BSTR(result) ? S_OK : E_OUTOFMEMORY;
}

static const IDispatchVtbl named_vtbl = {
    .QueryInterface = named_query_interface,
    .AddRef = named_add_ref,
    .Release = named_release,
    .GetTypeInfoCount = named_get_type_info_count,
    .GetTypeInfo = named_get_type_info,
    .GetIDsOfNames = named_get_ids_of_names,
    .Invoke = named_invoke,
};

static IDispatch named_object = { &named_vtbl };

/* ---- A wrapped C library, the way ccwgen emits a class for it ------------ */

struct thing {
    int value;
};

static int things_destroyed;

/* Like a C library's constructor: NULL and malloc's errno when it fails. */
static struct thing *thing_new(void)
{
    struct thing *thing = malloc(sizeof(*thing));

    if (thing)
        thing->value = 42;
    return thing;
}

static void thing_free(struct thing *thing)
{
    things_destroyed++;
    free(thing);
}

/* {0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F1} and a neighbour */
static const IID IID_IThing = { 0x0f1e2d3c, 0x4b5a, 0x4978,
                                { 0x86, 0x95, 0xa4, 0xb3, 0xc2, 0xd1, 0xe0, 0xf1 } };
static const CLSID CLSID_Thing = { 0x0f1e2d3c, 0x4b5a, 0x4978,
                                   { 0x86, 0x95, 0xa4, 0xb3, 0xc2, 0xd1, 0xe0, 0xf2 } };

typedef struct IThing IThing;
typedef struct IThingVtbl {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IThing *This, REFIID riid, void **ppv);
    ULONG (STDMETHODCALLTYPE *AddRef)(IThing *This);
    ULONG (STDMETHODCALLTYPE *Release)(IThing *This);
} IThingVtbl;
struct IThing {
    const IThingVtbl *lpVtbl;
};

struct thing_ccw {
    ccw_object header;
    const IThingVtbl *IThing;
};

static ccw_object *thing_from_IThing(IThing *This)
{
    return CCW_OBJECT_FROM(This, struct thing_ccw, IThing);
}

static HRESULT STDMETHODCALLTYPE IThing_QueryInterface_thunk(IThing *This, REFIID riid, void **ppv)
{
    return ccw_object_query_interface(thing_from_IThing(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE IThing_AddRef_thunk(IThing *This)
{
    return ccw_object_add_ref(thing_from_IThing(This));
}

static ULONG STDMETHODCALLTYPE IThing_Release_thunk(IThing *This)
{
    return ccw_object_release(thing_from_IThing(This));
}

static const IThingVtbl thing_IThing_vtbl = {
    .QueryInterface = IThing_QueryInterface_thunk,
    .AddRef = IThing_AddRef_thunk,
    .Release = IThing_Release_thunk,
};

static void *thing_ccw_construct(void)
{
    return thing_new();
}

static void thing_ccw_destroy(void *c_object)
{
    thing_free(c_object);
}

static const ccw_class_interface thing_interfaces[] = {
    { &IID_IThing, &thing_IThing_vtbl, offsetof(struct thing_ccw, IThing) },
};

static const IID *const thing_qi_iids[] = { &IID_IUnknown, &IID_ISupportErrorInfo, &IID_IThing };
static const size_t thing_qi_offsets[] = {
    CCW_OBJECT_UNKNOWN_OFFSET,
    CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET,
    offsetof(struct thing_ccw, IThing),
};
#define THING_QI_COUNT (sizeof(thing_qi_iids) / sizeof(thing_qi_iids[0]))

static ccw_qi_slot thing_qi_slots[16];
static ccw_module thing_module;

static ccw_class thing_class = {
    .name = "Thing",
    .progid = "Test.Thing",
    .clsid = &CLSID_Thing,
    .size = sizeof(struct thing_ccw),
    .interfaces = thing_interfaces,
    .interface_count = sizeof(thing_interfaces) / sizeof(thing_interfaces[0]),
    .qi = { { 0, 0 }, thing_qi_slots },
    .construct = thing_ccw_construct,
    .destroy = thing_ccw_destroy,
    .module = &thing_module,
};

/* The slots ccwgen would emit as constants, placed by the calls it makes. */
static void place_thing_qi_slots(void)
{
    ccw_qi_shape shape;

    assert_int_equal(ccw_qi_table_build(&shape, thing_qi_iids, THING_QI_COUNT), S_OK);
    assert_true(shape.mask < sizeof(thing_qi_slots) / sizeof(thing_qi_slots[0]));
    memset(thing_qi_slots, 0, sizeof(thing_qi_slots));
    for (size_t i = 0; i < THING_QI_COUNT; i++) {
        ccw_qi_slot *slot = &thing_qi_slots[ccw_qi_table_slot(&shape, thing_qi_iids[i])];

        assert_null(slot->iid);
        slot->iid = thing_qi_iids[i];
        slot->offset = thing_qi_offsets[i];
    }
    thing_class.qi.shape = shape;
}

static ULONG module_locks(void)
{
    ULONG locks = ccw_module_lock(&thing_module) - 1;

    ccw_module_unlock(&thing_module);
    return locks;
}

/* ---- compat/guid.c, compat/memory.c ------------------------------------- */

static void test_string_from_guid(void **state)
{
    HRESULT (STDAPICALLTYPE *const formatters[])(REFGUID, LPOLESTR *) = { StringFromCLSID,
                                                                         StringFromIID };

    (void)state;
    for (size_t f = 0; f < 2; f++) {
        LPOLESTR text = UNTOUCHED_OLESTR;
        unsigned n;
        HRESULT hr;

        for (n = 0;; n++) {
            long live = fail_alloc_live();

            fail_allocation(n);
            hr = formatters[f](&IID_IThing, &text);
            if (!fail_alloc_disarm())
                break;
            assert_int_equal(hr, E_OUTOFMEMORY);
            assert_ptr_equal(text, UNTOUCHED_OLESTR);
            assert_int_equal(fail_alloc_live(), live);
        }
        assert_int_equal(hr, S_OK);
        assert_true(olestr_equals(text, "{0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F1}"));
        CoTaskMemFree(text);
        assert_int_equal(n, 1);
    }
}

static void test_task_memory(void **state)
{
    IMalloc *task_malloc = NULL;
    unsigned char *block;
    void *grown;
    unsigned n;

    (void)state;
    assert_int_equal(CoGetMalloc(MEMCTX_TASK, &task_malloc), S_OK);
    for (SIZE_T size = 0; size < 2; size++) {
        for (n = 0;; n++) {
            fail_allocation(n);
            block = CoTaskMemAlloc(size);
            if (!fail_alloc_disarm())
                break;
            assert_null(block);
        }
        assert_non_null(block);
        CoTaskMemFree(block);
        assert_int_equal(n, 1);

        for (n = 0;; n++) {
            fail_allocation(n);
            block = IMalloc_Alloc(task_malloc, size);
            if (!fail_alloc_disarm())
                break;
            assert_null(block);
        }
        assert_non_null(block);
        IMalloc_Free(task_malloc, block);
        assert_int_equal(n, 1);
    }

    /* A block that cannot grow stays where it was, with its contents. */
    block = CoTaskMemAlloc(4);
    assert_non_null(block);
    memcpy(block, "abc", 4);
    for (n = 0;; n++) {
        fail_allocation(n);
        grown = CoTaskMemRealloc(block, 4096);
        if (!fail_alloc_disarm())
            break;
        assert_null(grown);
        assert_string_equal((char *)block, "abc");
    }
    assert_non_null(grown);
    assert_string_equal((char *)grown, "abc");
    assert_int_equal(n, 1);
    block = grown;
    for (n = 0;; n++) {
        fail_allocation(n);
        grown = IMalloc_Realloc(task_malloc, block, 8192);
        if (!fail_alloc_disarm())
            break;
        assert_null(grown);
        assert_string_equal((char *)block, "abc");
    }
    assert_non_null(grown);
    assert_string_equal((char *)grown, "abc");
    CoTaskMemFree(grown);
    assert_int_equal(n, 1);

    /* Reallocating NULL allocates. */
    for (n = 0;; n++) {
        fail_allocation(n);
        grown = CoTaskMemRealloc(NULL, 8);
        if (!fail_alloc_disarm())
            break;
        assert_null(grown);
    }
    assert_non_null(grown);
    CoTaskMemFree(grown);
    assert_int_equal(n, 1);
}

/* ---- compat/bstr.c ------------------------------------------------------ */

static void test_sys_alloc_string(void **state)
{
    BSTR bstr;
    unsigned n;

    (void)state;
    for (n = 0;; n++) {
        fail_allocation(n);
        bstr = SysAllocString(W("hello"));
        if (!fail_alloc_disarm())
            break;
        assert_null(bstr);
    }
    assert_bstr(bstr, "hello");
    SysFreeString(bstr);
    assert_int_equal(n, 1);

    for (n = 0;; n++) {
        fail_allocation(n);
        bstr = SysAllocStringLen(W("hello"), 3);
        if (!fail_alloc_disarm())
            break;
        assert_null(bstr);
    }
    assert_bstr(bstr, "hel");
    SysFreeString(bstr);
    assert_int_equal(n, 1);

    for (n = 0;; n++) {
        fail_allocation(n);
        bstr = SysAllocStringLen(NULL, 5);
        if (!fail_alloc_disarm())
            break;
        assert_null(bstr);
    }
    assert_int_equal(SysStringLen(bstr), 5);
    SysFreeString(bstr);
    assert_int_equal(n, 1);

    for (n = 0;; n++) {
        fail_allocation(n);
        bstr = SysAllocStringByteLen("abc", 3);
        if (!fail_alloc_disarm())
            break;
        assert_null(bstr);
    }
    assert_int_equal(SysStringByteLen(bstr), 3);
    assert_memory_equal(bstr, "abc", 3);
    SysFreeString(bstr);
    assert_int_equal(n, 1);
}

/* SysReAllocString(Len) that cannot allocate returns FALSE and leaves the
 * string as it was: same pointer, same text. */
static void test_sys_realloc_string(void **state)
{
    BSTR bstr = make_bstr("old text");
    BSTR original = bstr;
    BSTR none = NULL;
    unsigned n;
    INT ok;

    (void)state;
    for (n = 0;; n++) {
        fail_allocation(n);
        ok = SysReAllocString(&bstr, W("new and longer text"));
        if (!fail_alloc_disarm())
            break;
        assert_false(ok);
        assert_ptr_equal(bstr, original);
        assert_bstr(bstr, "old text");
    }
    assert_true(ok);
    assert_bstr(bstr, "new and longer text");
    assert_int_equal(n, 1);

    /* The source inside the string itself: it must survive a failure. */
    original = bstr;
    for (n = 0;; n++) {
        fail_allocation(n);
        ok = SysReAllocString(&bstr, bstr + 4);
        if (!fail_alloc_disarm())
            break;
        assert_false(ok);
        assert_ptr_equal(bstr, original);
        assert_bstr(bstr, "new and longer text");
    }
    assert_true(ok);
    assert_bstr(bstr, "and longer text");
    assert_int_equal(n, 1);

    original = bstr;
    for (n = 0;; n++) {
        fail_allocation(n);
        ok = SysReAllocStringLen(&bstr, W("abcdef"), 4);
        if (!fail_alloc_disarm())
            break;
        assert_false(ok);
        assert_ptr_equal(bstr, original);
        assert_bstr(bstr, "and longer text");
    }
    assert_true(ok);
    assert_bstr(bstr, "abcd");
    assert_int_equal(n, 1);

    /* A NULL source resizes in place, keeping the text. */
    original = bstr;
    for (n = 0;; n++) {
        fail_allocation(n);
        ok = SysReAllocStringLen(&bstr, NULL, 4000);
        if (!fail_alloc_disarm())
            break;
        assert_false(ok);
        assert_ptr_equal(bstr, original);
        assert_bstr(bstr, "abcd");
    }
    assert_true(ok);
    assert_int_equal(SysStringLen(bstr), 4000);
    assert_memory_equal(bstr, W("abcd"), 4 * sizeof(OLECHAR));
    SysFreeString(bstr);
    assert_int_equal(n, 1);

    for (n = 0;; n++) {
        fail_allocation(n);
        ok = SysReAllocStringLen(&none, NULL, 3);
        if (!fail_alloc_disarm())
            break;
        assert_false(ok);
        assert_null(none);
    }
    assert_true(ok);
    assert_int_equal(SysStringLen(none), 3);
    SysFreeString(none);
    assert_int_equal(n, 1);
}

/* ---- utf.c -------------------------------------------------------------- */

static void test_bstr_from_utf8(void **state)
{
    const char *const inputs[] = { "h\xc3\xa9llo \xf0\x9f\x98\x80", "" };
    const size_t lengths[] = { 8, 0 };

    (void)state;
    for (size_t i = 0; i < 2; i++) {
        BSTR bstr = UNTOUCHED_BSTR;
        unsigned n;
        HRESULT hr;

        for (n = 0;; n++) {
            fail_allocation(n);
            hr = ccw_bstr_from_utf8(inputs[i], CCW_NUL_TERMINATED, &bstr);
            if (!fail_alloc_disarm())
                break;
            assert_int_equal(hr, E_OUTOFMEMORY);
            assert_ptr_equal(bstr, UNTOUCHED_BSTR);
        }
        assert_int_equal(hr, S_OK);
        assert_non_null(bstr);
        assert_int_equal(SysStringLen(bstr), lengths[i]);
        SysFreeString(bstr);
        assert_int_equal(n, 1);
    }
}

static void test_bstr_to_utf8(void **state)
{
    BSTR inputs[2];
    const char *const expected[] = { "h\xc3\xa9llo", "" };

    (void)state;
    inputs[0] = make_bstr(expected[0]);
    inputs[1] = NULL; /* the empty string, which still needs its terminator */
    for (size_t i = 0; i < 2; i++) {
        char *utf8 = UNTOUCHED_UTF8;
        size_t len = UNTOUCHED_LENGTH;
        unsigned n;
        HRESULT hr;

        for (n = 0;; n++) {
            fail_allocation(n);
            hr = ccw_bstr_to_utf8(inputs[i], &utf8, &len);
            if (!fail_alloc_disarm())
                break;
            assert_int_equal(hr, E_OUTOFMEMORY);
            assert_ptr_equal(utf8, UNTOUCHED_UTF8);
            assert_int_equal(len, UNTOUCHED_LENGTH);
        }
        assert_int_equal(hr, S_OK);
        assert_string_equal(utf8, expected[i]);
        assert_int_equal(len, strlen(expected[i]));
        ccw_string_free(utf8);
        assert_int_equal(n, 1);
    }
    SysFreeString(inputs[0]);
}

/* ---- compat/safearray.c ------------------------------------------------- */

static void test_safearray_create_vector(void **state)
{
    const VARTYPE types[] = { VT_I4, VT_BSTR, VT_VARIANT, VT_UNKNOWN };

    (void)state;
    for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
        SAFEARRAY *psa;
        VARTYPE vt = VT_EMPTY;
        unsigned n;

        for (n = 0;; n++) {
            fail_allocation(n);
            psa = SafeArrayCreateVector(types[t], 1, 10);
            if (!fail_alloc_disarm())
                break;
            assert_null(psa);
        }
        assert_non_null(psa);
        assert_int_equal(SafeArrayGetVartype(psa, &vt), S_OK);
        assert_int_equal(vt, types[t]);
        assert_int_equal(SafeArrayDestroy(psa), S_OK);
        /* The descriptor and the data are one block. */
        assert_int_equal(n, 1);
    }
}

/* runtime/bytes.c: the array is the only allocation; *out stays put until it exists. */
static void test_safearray_from_bytes(void **state)
{
    SAFEARRAY *array = (SAFEARRAY *)untouched_text;
    unsigned n;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        fail_allocation(n);
        hr = ccw_safearray_from_bytes("abc", 3, &array);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_ptr_equal(array, (SAFEARRAY *)untouched_text);
    }
    assert_int_equal(hr, S_OK);
    assert_memory_equal(array->pvData, "abc", 3);
    assert_int_equal(SafeArrayDestroy(array), S_OK);
    assert_int_equal(n, 1);
}

static void test_safearray_copy_bstrs(void **state)
{
    SAFEARRAY *source = make_bstr_array(three_texts, 3);
    SAFEARRAY *copy = (SAFEARRAY *)untouched_text;
    unsigned n;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = SafeArrayCopy(source, &copy);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_null(copy);
        assert_int_equal(fail_alloc_live(), live);
        assert_bstr_array(source, three_texts, 3);
    }
    assert_int_equal(hr, S_OK);
    assert_bstr_array(copy, three_texts, 3);
    assert_int_equal(SafeArrayDestroy(copy), S_OK);
    assert_int_equal(SafeArrayDestroy(source), S_OK);
    /* The descriptor, the data, then each string. */
    assert_int_equal(n, 2 + THREE_TEXTS_ALLOCATIONS);
}

static void test_safearray_copy_variants(void **state)
{
    SAFEARRAY *source = make_variant_array();
    SAFEARRAY *copy = (SAFEARRAY *)untouched_text;
    unsigned n;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = SafeArrayCopy(source, &copy);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_null(copy);
        assert_int_equal(fail_alloc_live(), live);
        assert_variant_array(source);
    }
    assert_int_equal(hr, S_OK);
    assert_variant_array(copy);
    assert_int_equal(SafeArrayDestroy(copy), S_OK);
    assert_int_equal(SafeArrayDestroy(source), S_OK);
    assert_int_equal(n, VARIANT_ARRAY_ALLOCATIONS);
}

/* A failed copy of an array of interfaces gives back the references it took. */
static void test_safearray_copy_interfaces(void **state)
{
    counted objects[2] = { { { &counted_vtbl }, 1 }, { { &counted_vtbl }, 1 } };
    SAFEARRAY *source = SafeArrayCreateVector(VT_UNKNOWN, 0, 3);
    SAFEARRAY *copy = NULL;
    IUnknown **items;
    unsigned n;
    HRESULT hr;

    (void)state;
    assert_non_null(source);
    items = source->pvData;
    items[0] = &objects[0].iface;
    items[2] = &objects[1].iface;
    for (n = 0;; n++) {
        fail_allocation(n);
        hr = SafeArrayCopy(source, &copy);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_null(copy);
        assert_int_equal(objects[0].refs, 1);
        assert_int_equal(objects[1].refs, 1);
    }
    assert_int_equal(hr, S_OK);
    assert_int_equal(objects[0].refs, 2);
    assert_int_equal(objects[1].refs, 2);
    assert_int_equal(SafeArrayDestroy(copy), S_OK);
    assert_int_equal(objects[0].refs, 1);
    assert_int_equal(objects[1].refs, 1);
    /* The source does not own the stack objects: empty it before destroying it. */
    memset(items, 0, 3 * sizeof(*items));
    assert_int_equal(SafeArrayDestroy(source), S_OK);
    assert_int_equal(n, 2);
}

/* ---- compat/variant.c --------------------------------------------------- */

/* VariantCopy clears the destination first; a copy that then fails leaves
 * it VT_EMPTY, with nothing allocated. */
static void walk_variant_copy(const VARIANT *source, unsigned expected_allocations,
                              void (*check_copy)(const VARIANT *copy))
{
    VARIANT copy;
    unsigned n;
    HRESULT hr;

    VariantInit(&copy);
    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = VariantCopy(&copy, source);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_int_equal(V_VT(&copy), VT_EMPTY);
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    check_copy(&copy);
    assert_int_equal(VariantClear(&copy), S_OK);
    assert_int_equal(n, expected_allocations);
}

static void check_text_variant(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "text");
}

/* A NULL BSTR copies as "". */
static void check_empty_text_variant(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "");
}

static void check_bstr_array_variant(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_ARRAY | VT_BSTR);
    assert_bstr_array(V_ARRAY(v), three_texts, 3);
}

static void check_variant_array_variant(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_ARRAY | VT_VARIANT);
    assert_variant_array(V_ARRAY(v));
}

static void test_variant_copy(void **state)
{
    VARIANT source;

    (void)state;
    V_VT(&source) = VT_BSTR;
    V_BSTR(&source) = make_bstr("text");
    walk_variant_copy(&source, 1, check_text_variant);
    VariantClear(&source);

    V_VT(&source) = VT_BSTR;
    V_BSTR(&source) = NULL;
    walk_variant_copy(&source, 1, check_empty_text_variant);

    V_VT(&source) = VT_ARRAY | VT_BSTR;
    V_ARRAY(&source) = make_bstr_array(three_texts, 3);
    walk_variant_copy(&source, 2 + THREE_TEXTS_ALLOCATIONS, check_bstr_array_variant);
    VariantClear(&source);

    V_VT(&source) = VT_ARRAY | VT_VARIANT;
    V_ARRAY(&source) = make_variant_array();
    walk_variant_copy(&source, VARIANT_ARRAY_ALLOCATIONS, check_variant_array_variant);
    VariantClear(&source);
}

/* The destination's old value is freed even when the copy then fails. */
static void test_variant_copy_over_value(void **state)
{
    VARIANT source, dest;
    unsigned n;
    HRESULT hr;

    (void)state;
    V_VT(&source) = VT_BSTR;
    V_BSTR(&source) = make_bstr("text");
    for (n = 0;; n++) {
        long live;

        V_VT(&dest) = VT_BSTR;
        V_BSTR(&dest) = make_bstr("old");
        live = fail_alloc_live();
        fail_allocation(n);
        hr = VariantCopy(&dest, &source);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_int_equal(V_VT(&dest), VT_EMPTY);
        assert_int_equal(fail_alloc_live(), live - 1);
    }
    assert_int_equal(hr, S_OK);
    check_text_variant(&dest);
    VariantClear(&dest);
    VariantClear(&source);
    assert_int_equal(n, 1);
}

/* VariantCopyInd makes its copy before it touches the destination, which a
 * failure therefore leaves as it was; the destination may be the source. */
static void walk_variant_copy_ind(VARIANT *reference, unsigned expected_allocations,
                                  void (*check_copy)(const VARIANT *copy))
{
    VARIANT dest, in_place;
    unsigned n;
    HRESULT hr;

    for (n = 0;; n++) {
        long live = fail_alloc_live();

        V_VT(&dest) = VT_I4;
        V_I4(&dest) = 42;
        fail_allocation(n);
        hr = VariantCopyInd(&dest, reference);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_int_equal(V_VT(&dest), VT_I4);
        assert_int_equal(V_I4(&dest), 42);
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    check_copy(&dest);
    assert_int_equal(VariantClear(&dest), S_OK);
    assert_int_equal(n, expected_allocations);

    for (n = 0;; n++) {
        long live = fail_alloc_live();

        in_place = *reference;
        fail_allocation(n);
        hr = VariantCopyInd(&in_place, &in_place);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_int_equal(V_VT(&in_place), V_VT(reference));
        assert_ptr_equal(V_BYREF(&in_place), V_BYREF(reference));
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    check_copy(&in_place);
    assert_int_equal(VariantClear(&in_place), S_OK);
    assert_int_equal(n, expected_allocations);
}

static void test_variant_copy_ind(void **state)
{
    BSTR text = make_bstr("text");
    SAFEARRAY *array = make_bstr_array(three_texts, 3);
    VARIANT reference, target;

    (void)state;
    V_VT(&reference) = VT_BYREF | VT_BSTR;
    V_BSTRREF(&reference) = &text;
    walk_variant_copy_ind(&reference, 1, check_text_variant);

    V_VT(&reference) = VT_BYREF | VT_ARRAY | VT_BSTR;
    V_ARRAYREF(&reference) = &array;
    walk_variant_copy_ind(&reference, 2 + THREE_TEXTS_ALLOCATIONS, check_bstr_array_variant);

    V_VT(&target) = VT_BSTR;
    V_BSTR(&target) = text;
    V_VT(&reference) = VT_BYREF | VT_VARIANT;
    V_VARIANTREF(&reference) = &target;
    walk_variant_copy_ind(&reference, 1, check_text_variant);

    SysFreeString(text);
    assert_int_equal(SafeArrayDestroy(array), S_OK);
}

/* ---- compat/variant_change.c -------------------------------------------- */

/* VariantChangeType leaves the destination as it was when it fails. */
static void walk_change_type(const VARIANT *source, USHORT flags, VARTYPE vt,
                             unsigned expected_allocations, void (*check_result)(const VARIANT *))
{
    VARIANT dest;
    BSTR kept = make_bstr("kept");
    unsigned n;
    HRESULT hr;

    V_VT(&dest) = VT_BSTR;
    V_BSTR(&dest) = kept;
    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = VariantChangeType(&dest, source, flags, vt);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_int_equal(V_VT(&dest), VT_BSTR);
        assert_ptr_equal(V_BSTR(&dest), kept);
        assert_bstr(kept, "kept");
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    check_result(&dest);
    assert_int_equal(VariantClear(&dest), S_OK);
    assert_int_equal(n, expected_allocations);
}

static void check_minus_1234(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "-1234");
}

static void check_two_and_a_half(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "2.5");
}

static void check_new_year(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "1/1/2000");
}

static void check_true(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "True");
}

static void check_empty_text(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "");
}

static void check_bytes_text(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_int_equal(SysStringByteLen(V_BSTR(v)), 3);
    assert_memory_equal(V_BSTR(v), "abc", 3);
}

static void check_text_bytes(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_ARRAY | VT_UI1);
    assert_int_equal(V_ARRAY(v)->rgsabound[0].cElements, 4 * sizeof(OLECHAR));
    assert_memory_equal(V_ARRAY(v)->pvData, W("text"), 4 * sizeof(OLECHAR));
}

static void check_text_1234(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_BSTR);
    assert_bstr(V_BSTR(v), "1234");
}

static void check_number_1234(const VARIANT *v)
{
    assert_int_equal(V_VT(v), VT_I4);
    assert_int_equal(V_I4(v), 1234);
}

static void test_change_type_to_text(void **state)
{
    VARIANT source;

    (void)state;
    V_VT(&source) = VT_I4;
    V_I4(&source) = -1234;
    walk_change_type(&source, 0, VT_BSTR, 1, check_minus_1234);

    V_VT(&source) = VT_R8;
    V_R8(&source) = 2.5;
    walk_change_type(&source, 0, VT_BSTR, 1, check_two_and_a_half);

    V_VT(&source) = VT_DATE;
    V_DATE(&source) = 36526.0; /* 1 January 2000 */
    walk_change_type(&source, 0, VT_BSTR, 1, check_new_year);

    V_VT(&source) = VT_BOOL;
    V_BOOL(&source) = VARIANT_TRUE;
    walk_change_type(&source, VARIANT_ALPHABOOL, VT_BSTR, 1, check_true);

    VariantInit(&source);
    walk_change_type(&source, 0, VT_BSTR, 1, check_empty_text);

    /* The same type is a copy. */
    V_VT(&source) = VT_BSTR;
    V_BSTR(&source) = make_bstr("text");
    walk_change_type(&source, 0, VT_BSTR, 1, check_text_variant);
    VariantClear(&source);
}

static void test_change_type_arrays(void **state)
{
    SAFEARRAY *bytes = SafeArrayCreateVector(VT_UI1, 0, 3);
    VARIANT source;

    (void)state;
    assert_non_null(bytes);
    memcpy(bytes->pvData, "abc", 3);
    V_VT(&source) = VT_ARRAY | VT_UI1;
    V_ARRAY(&source) = bytes;
    walk_change_type(&source, 0, VT_BSTR, 1, check_bytes_text);
    VariantClear(&source);

    V_VT(&source) = VT_BSTR;
    V_BSTR(&source) = make_bstr("text");
    walk_change_type(&source, 0, VT_ARRAY | VT_UI1, 1, check_text_bytes);
    VariantClear(&source);
}

/* A reference is copied (VariantCopyInd), then converted. */
static void test_change_type_references(void **state)
{
    BSTR number = make_bstr("1234");
    LONG value = -1234;
    VARIANT reference;

    (void)state;
    V_VT(&reference) = VT_BYREF | VT_I4;
    V_I4REF(&reference) = &value;
    walk_change_type(&reference, 0, VT_BSTR, 1, check_minus_1234);

    V_VT(&reference) = VT_BYREF | VT_BSTR;
    V_BSTRREF(&reference) = &number;
    walk_change_type(&reference, 0, VT_I4, 1, check_number_1234);

    /* The referenced copy, then the copy of that into the result. */
    walk_change_type(&reference, 0, VT_BSTR, 2, check_text_1234);
    SysFreeString(number);
}

/* An object converts through its default property, whose value is freed
 * whatever the conversion's outcome. */
static void test_change_type_default_value(void **state)
{
    VARIANT source;

    (void)state;
    V_VT(&source) = VT_DISPATCH;
    V_DISPATCH(&source) = &named_object;
    /* The property's value, then the copy of it. */
    walk_change_type(&source, 0, VT_BSTR, 2, check_text_1234);
    /* The property's value only: the number needs no allocation. */
    walk_change_type(&source, 0, VT_I4, 1, check_number_1234);
}

/* ---- compat/errorinfo.c ------------------------------------------------- */

static void test_create_error_info(void **state)
{
    ICreateErrorInfo *create = (ICreateErrorInfo *)untouched_text;
    unsigned n;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = CreateErrorInfo(&create);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_ptr_equal(create, untouched_text);
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    ICreateErrorInfo_Release(create);
    assert_int_equal(n, 1);
}

typedef HRESULT(STDMETHODCALLTYPE *text_setter)(ICreateErrorInfo *, LPOLESTR);
typedef HRESULT(STDMETHODCALLTYPE *text_getter)(IErrorInfo *, BSTR *);

static void assert_error_text(IErrorInfo *info, text_getter get, const char *expected)
{
    BSTR text = NULL;

    assert_int_equal(get(info, &text), S_OK);
    if (expected)
        assert_bstr(text, expected);
    else
        assert_null(text);
    SysFreeString(text);
}

/* A setter that cannot copy its text keeps the field's old value. */
static void walk_setter(ICreateErrorInfo *create, IErrorInfo *info, text_setter set,
                        text_getter get)
{
    unsigned n;
    HRESULT hr;

    assert_int_equal(set(create, (LPOLESTR)W("old")), S_OK);
    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = set(create, (LPOLESTR)W("new"));
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_int_equal(fail_alloc_live(), live);
        assert_error_text(info, get, "old");
    }
    assert_int_equal(hr, S_OK);
    assert_error_text(info, get, "new");
    assert_int_equal(n, 1);
}

/* A getter that cannot copy its field leaves *out untouched; an empty
 * field allocates nothing. */
static void walk_getter(IErrorInfo *info, text_getter get, unsigned expected_allocations)
{
    BSTR text = UNTOUCHED_BSTR;
    unsigned n;
    HRESULT hr;

    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = get(info, &text);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_ptr_equal(text, UNTOUCHED_BSTR);
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    if (expected_allocations)
        assert_bstr(text, "new");
    else
        assert_null(text);
    SysFreeString(text);
    assert_int_equal(n, expected_allocations);
}

static void test_error_info_texts(void **state)
{
    ICreateErrorInfo *create = NULL;
    IErrorInfo *info = NULL;

    (void)state;
    assert_int_equal(CreateErrorInfo(&create), S_OK);
    assert_int_equal(ICreateErrorInfo_QueryInterface(create, &IID_IErrorInfo, (void **)&info),
                     S_OK);

    walk_getter(info, info->lpVtbl->GetSource, 0);
    walk_setter(create, info, create->lpVtbl->SetSource, info->lpVtbl->GetSource);
    walk_setter(create, info, create->lpVtbl->SetDescription, info->lpVtbl->GetDescription);
    walk_setter(create, info, create->lpVtbl->SetHelpFile, info->lpVtbl->GetHelpFile);
    walk_getter(info, info->lpVtbl->GetSource, 1);
    walk_getter(info, info->lpVtbl->GetDescription, 1);
    walk_getter(info, info->lpVtbl->GetHelpFile, 1);

    IErrorInfo_Release(info);
    ICreateErrorInfo_Release(create);
}

/* ---- error.c ------------------------------------------------------------ */

/* An error object the thread holds from some earlier failure. */
static void set_stale_error(void)
{
    ICreateErrorInfo *create = NULL;
    IErrorInfo *info = NULL;

    assert_int_equal(CreateErrorInfo(&create), S_OK);
    assert_int_equal(ICreateErrorInfo_SetDescription(create, (LPOLESTR)W("stale")), S_OK);
    assert_int_equal(ICreateErrorInfo_QueryInterface(create, &IID_IErrorInfo, (void **)&info),
                     S_OK);
    assert_int_equal(SetErrorInfo(0, info), S_OK);
    IErrorInfo_Release(info);
    ICreateErrorInfo_Release(create);
}

/*
 * What a raise that ran out of memory may leave: no error object, or one
 * for this failure that lacks some of its texts; never the stale one.
 * Returns whether there was one.
 */
static bool take_partial_error(const IID *iid, const char *source, const char *description)
{
    IErrorInfo *info = NULL;
    BSTR text = NULL;
    GUID guid;

    if (GetErrorInfo(0, &info) == S_FALSE)
        return false;
    assert_non_null(info);
    assert_int_equal(IErrorInfo_GetGUID(info, &guid), S_OK);
    assert_true(IsEqualGUID(&guid, iid));
    assert_int_equal(IErrorInfo_GetSource(info, &text), S_OK);
    if (text)
        assert_bstr(text, source);
    SysFreeString(text);
    text = NULL;
    assert_int_equal(IErrorInfo_GetDescription(info, &text), S_OK);
    if (text)
        assert_bstr(text, description);
    SysFreeString(text);
    IErrorInfo_Release(info);
    return true;
}

static void take_complete_error(const IID *iid, const char *source, const char *description)
{
    IErrorInfo *info = NULL;
    GUID guid;

    assert_int_equal(GetErrorInfo(0, &info), S_OK);
    assert_int_equal(IErrorInfo_GetGUID(info, &guid), S_OK);
    assert_true(IsEqualGUID(&guid, iid));
    assert_error_text(info, info->lpVtbl->GetSource, source);
    assert_error_text(info, info->lpVtbl->GetDescription, description);
    IErrorInfo_Release(info);
}

static void test_error_raise(void **state)
{
    const HRESULT failure = MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x201);
    long live = fail_alloc_live();
    unsigned n;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        bool kept;

        set_stale_error();
        ccw_error_set_message("pending %d", 7);
        fail_allocation(n);
        hr = ccw_error_raise(failure, "Test.Thing", &IID_IThing, "fallback");
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, failure);
        assert_null(ccw_error_message());
        kept = take_partial_error(&IID_IThing, "Test.Thing", "pending 7");
        /* Without the error object itself, the thread's error is cleared. */
        if (n == 0)
            assert_false(kept);
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, failure);
    assert_null(ccw_error_message());
    take_complete_error(&IID_IThing, "Test.Thing", "pending 7");
    /* The error object and its two texts. */
    assert_true(n >= 3);
}

static void test_error_raise_errno(void **state)
{
    long live = fail_alloc_live();
    unsigned n;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        set_stale_error();
        fail_allocation(n);
        hr = ccw_error_raise_errno(ENOENT, "Test.Thing", NULL);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
        take_partial_error(&GUID_NULL, "Test.Thing", strerror(ENOENT));
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    take_complete_error(&GUID_NULL, "Test.Thing", strerror(ENOENT));
    assert_true(n >= 3);
}

/* ---- object.c ----------------------------------------------------------- */

/* One bitmap per table size searched: from the smallest that holds the
 * IIDs up to the one chosen. */
static void test_qi_table_build(void **state)
{
    const ccw_qi_shape untouched = { UINT32_C(0x5eed), UINT32_C(0x5eed) };
    ccw_qi_shape shape = untouched;
    unsigned sizes = 1, n;
    uint32_t slots;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        fail_allocation(n);
        hr = ccw_qi_table_build(&shape, thing_qi_iids, THING_QI_COUNT);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_int_equal(shape.seed, untouched.seed);
        assert_int_equal(shape.mask, untouched.mask);
    }
    assert_int_equal(hr, S_OK);
    assert_int_equal(shape.seed, thing_class.qi.shape.seed);
    assert_int_equal(shape.mask, thing_class.qi.shape.mask);
    for (slots = 1; slots < THING_QI_COUNT; slots *= 2)
        ;
    for (; slots <= shape.mask; slots *= 2)
        sizes++;
    assert_int_equal(n, sizes);
}

/* One allocation per wrapper (DESIGN.md §9); an owned C object is destroyed
 * when the wrapper cannot be made, a borrowed one is not. */
static void test_object_create(void **state)
{
    (void)state;
    for (int owns = 0; owns < 2; owns++) {
        struct thing *thing = thing_new();
        IThing *object = (IThing *)untouched_text;
        unsigned n;
        HRESULT hr;

        assert_non_null(thing);
        for (n = 0;; n++) {
            int destroyed = things_destroyed;
            long live = fail_alloc_live();

            fail_allocation(n);
            hr = ccw_object_create(&thing_class, NULL, thing, owns, &IID_IThing,
                                   (void **)&object);
            if (!fail_alloc_disarm())
                break;
            assert_int_equal(hr, E_OUTOFMEMORY);
            assert_null(object);
            assert_int_equal(module_locks(), 0);
            assert_int_equal(things_destroyed, destroyed + owns);
            assert_int_equal(fail_alloc_live(), live - owns);
            if (owns) {
                /* It took the object whatever the outcome: make another. */
                thing = thing_new();
                assert_non_null(thing);
            }
        }
        assert_int_equal(hr, S_OK);
        assert_non_null(object);
        assert_int_equal(module_locks(), 1);
        assert_int_equal(object->lpVtbl->Release(object), 0);
        assert_int_equal(module_locks(), 0);
        if (!owns)
            thing_free(thing);
        assert_int_equal(n, 1);
    }
}

/* An aggregated wrapper that cannot be made does not touch its outer object. */
static void test_object_create_aggregated(void **state)
{
    counted outer = { { &counted_vtbl }, 1 };
    IUnknown *inner = (IUnknown *)untouched_text;
    struct thing *thing = thing_new();
    unsigned n;
    HRESULT hr;

    (void)state;
    assert_non_null(thing);
    for (n = 0;; n++) {
        int destroyed = things_destroyed;

        fail_allocation(n);
        hr = ccw_object_create(&thing_class, &outer.iface, thing, true, &IID_IUnknown,
                               (void **)&inner);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_null(inner);
        assert_int_equal(outer.refs, 1);
        assert_int_equal(things_destroyed, destroyed + 1);
        assert_int_equal(module_locks(), 0);
        thing = thing_new();
        assert_non_null(thing);
    }
    assert_int_equal(hr, S_OK);
    assert_int_equal(outer.refs, 1);
    assert_int_equal(IUnknown_Release(inner), 0);
    assert_int_equal(module_locks(), 0);
    assert_int_equal(n, 1);
}

static void test_class_factory_create(void **state)
{
    IClassFactory *factory = (IClassFactory *)untouched_text;
    unsigned n;
    HRESULT hr;

    (void)state;
    for (n = 0;; n++) {
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = ccw_class_factory_create(&thing_class, &IID_IClassFactory, (void **)&factory);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_null(factory);
        assert_int_equal(module_locks(), 0);
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    assert_int_equal(module_locks(), 1);
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_int_equal(module_locks(), 0);
    assert_int_equal(n, 1);
}

/*
 * CreateInstance runs the C constructor, whose own malloc can fail (it
 * reports ENOMEM: E_OUTOFMEMORY, raised as IErrorInfo), then wraps the new
 * C object, which must be destroyed if the wrapper cannot be made.
 */
static void test_class_factory_create_instance(void **state)
{
    IClassFactory *factory = NULL;
    IThing *object = (IThing *)untouched_text;
    unsigned n;
    HRESULT hr;

    (void)state;
    assert_int_equal(ccw_class_factory_create(&thing_class, &IID_IClassFactory,
                                              (void **)&factory),
                     S_OK);
    for (n = 0;; n++) {
        int destroyed = things_destroyed;
        long live = fail_alloc_live();

        fail_allocation(n);
        hr = IClassFactory_CreateInstance(factory, NULL, &IID_IThing, (void **)&object);
        if (!fail_alloc_disarm())
            break;
        assert_int_equal(hr, E_OUTOFMEMORY);
        assert_null(object);
        assert_int_equal(module_locks(), 1); /* the factory's own */
        if (n == 0) {
            /* The constructor failed: its errno is the error raised. */
            assert_int_equal(things_destroyed, destroyed);
            if (mode == ONE_FAILURE)
                take_complete_error(&IID_IClassFactory, "Test.Thing", strerror(ENOMEM));
            else
                take_partial_error(&IID_IClassFactory, "Test.Thing", strerror(ENOMEM));
        } else {
            /* The wrapper failed: the C object it took is gone. */
            assert_int_equal(things_destroyed, destroyed + 1);
        }
        assert_int_equal(fail_alloc_live(), live);
    }
    assert_int_equal(hr, S_OK);
    assert_int_equal(module_locks(), 2);
    assert_int_equal(object->lpVtbl->Release(object), 0);
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_int_equal(module_locks(), 0);
    /* The C object, then the wrapper. */
    assert_int_equal(n, 2);
}

/* ---- Groups --------------------------------------------------------------- */

static int setup_one_failure(void **state)
{
    (void)state;
    mode = ONE_FAILURE;
    place_thing_qi_slots();
    return 0;
}

static int setup_memory_exhausted(void **state)
{
    (void)state;
    mode = MEMORY_EXHAUSTED;
    place_thing_qi_slots();
    return 0;
}

#define OOM_TEST(f) cmocka_unit_test_setup_teardown(f, record_live_blocks, check_nothing_left)

int main(void)
{
    const struct CMUnitTest tests[] = {
        OOM_TEST(test_string_from_guid),
        OOM_TEST(test_task_memory),
        OOM_TEST(test_sys_alloc_string),
        OOM_TEST(test_sys_realloc_string),
        OOM_TEST(test_bstr_from_utf8),
        OOM_TEST(test_bstr_to_utf8),
        OOM_TEST(test_safearray_create_vector),
        OOM_TEST(test_safearray_from_bytes),
        OOM_TEST(test_safearray_copy_bstrs),
        OOM_TEST(test_safearray_copy_variants),
        OOM_TEST(test_safearray_copy_interfaces),
        OOM_TEST(test_variant_copy),
        OOM_TEST(test_variant_copy_over_value),
        OOM_TEST(test_variant_copy_ind),
        OOM_TEST(test_change_type_to_text),
        OOM_TEST(test_change_type_arrays),
        OOM_TEST(test_change_type_references),
        OOM_TEST(test_change_type_default_value),
        OOM_TEST(test_create_error_info),
        OOM_TEST(test_error_info_texts),
        OOM_TEST(test_error_raise),
        OOM_TEST(test_error_raise_errno),
        OOM_TEST(test_qi_table_build),
        OOM_TEST(test_object_create),
        OOM_TEST(test_object_create_aggregated),
        OOM_TEST(test_class_factory_create),
        OOM_TEST(test_class_factory_create_instance),
    };
    int failures = 0;

    failures += cmocka_run_group_tests_name("one allocation fails", tests, setup_one_failure,
                                            NULL);
    failures += cmocka_run_group_tests_name("memory exhausted", tests, setup_memory_exhausted,
                                            NULL);
    return failures ? 1 : 0;
}
