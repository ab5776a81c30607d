/*
 * fuzz_variant_change.c - VariantChangeType(Ex) (runtime/compat/variant_change.c)
 * and VariantCopy/CopyInd/Clear on arbitrary values, types and flags.
 *
 * Input: [source kind] [target] [flags] [payload...]. The source is a
 * well-formed VARIANT of one of the kinds below, its value taken from the
 * payload (a DECIMAL's 16 bytes are raw, so invalid scales and signs occur; a
 * BSTR gets arbitrary UTF-16 units; an IDispatch answers its default property
 * with a value built from the rest of the payload). The target is a VARTYPE
 * from the list, or a raw 16-bit one.
 *
 * Properties: a success gives exactly the requested type; a failure leaves
 * the destination untouched; an integer, boolean or currency result prints
 * to a BSTR and reads back unchanged; every reference taken on an object is
 * given back.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <string.h>

#include <ccw/com.h>

/* ---- a minimal IDispatch whose default property is a fuzzed value ---- */

typedef struct fuzz_object {
    IDispatch iface;
    long refs;
    VARIANT value;  /* answered for DISPID_VALUE */
    HRESULT result; /* or this failure */
} fuzz_object;

static fuzz_object *object_of(IDispatch *iface)
{
    return (fuzz_object *)(void *)((char *)iface - offsetof(fuzz_object, iface));
}

static HRESULT STDMETHODCALLTYPE object_query(IDispatch *This, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    if (!IsEqualGUID(riid, &IID_IUnknown) && !IsEqualGUID(riid, &IID_IDispatch)) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    object_of(This)->refs++;
    *ppv = This;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE object_add_ref(IDispatch *This)
{
    return (ULONG)++object_of(This)->refs;
}

static ULONG STDMETHODCALLTYPE object_release(IDispatch *This)
{
    fuzz_object *obj = object_of(This);

    FUZZ_CHECK(obj->refs > 1); /* the fuzzer's own reference is never released by others */
    return (ULONG)--obj->refs;
}

static HRESULT STDMETHODCALLTYPE object_type_info_count(IDispatch *This, UINT *count)
{
    (void)This;
    *count = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE object_type_info(IDispatch *This, UINT index, LCID lcid,
                                                  ITypeInfo **info)
{
    (void)This, (void)index, (void)lcid;
    *info = NULL;
    return DISP_E_BADINDEX;
}

static HRESULT STDMETHODCALLTYPE object_ids(IDispatch *This, REFIID riid, LPOLESTR *names,
                                            UINT count, LCID lcid, DISPID *ids)
{
    (void)This, (void)riid, (void)names, (void)count, (void)lcid, (void)ids;
    return DISP_E_UNKNOWNNAME;
}

static HRESULT STDMETHODCALLTYPE object_invoke(IDispatch *This, DISPID member, REFIID riid,
                                               LCID lcid, WORD flags, DISPPARAMS *params,
                                               VARIANT *result, EXCEPINFO *excep, UINT *arg_err)
{
    fuzz_object *obj = object_of(This);

    (void)lcid, (void)excep, (void)arg_err;
    FUZZ_CHECK(member == DISPID_VALUE && IsEqualGUID(riid, &IID_NULL));
    FUZZ_CHECK(flags & DISPATCH_PROPERTYGET);
    FUZZ_CHECK(params && params->cArgs == 0);
    if (FAILED(obj->result))
        return obj->result;
    FUZZ_CHECK(result != NULL);
    return VariantCopy(result, &obj->value);
}

static const IDispatchVtbl object_vtbl = {
    object_query, object_add_ref,   object_release, object_type_info_count,
    object_type_info, object_ids, object_invoke,
};

/* ---- reading the input ---- */

static const VARTYPE scalar_types[] = {
    VT_EMPTY, VT_NULL, VT_I2,  VT_I4,  VT_R4,  VT_R8,  VT_CY,   VT_DATE,    VT_BSTR,
    VT_ERROR, VT_BOOL, VT_I1,  VT_UI1, VT_UI2, VT_UI4, VT_I8,   VT_UI8,     VT_INT,
    VT_UINT,  VT_DECIMAL, VT_DISPATCH, VT_UNKNOWN,
};
#define SCALAR_TYPE_COUNT (sizeof(scalar_types) / sizeof(scalar_types[0]))
/* Plus VT_ARRAY|VT_UI1, the one array type VariantChangeType converts. */
#define SOURCE_KIND_COUNT (SCALAR_TYPE_COUNT + 1)

static const VARTYPE target_types[] = {
    VT_EMPTY, VT_NULL, VT_I2,  VT_I4,  VT_R4,  VT_R8,  VT_CY,   VT_DATE, VT_BSTR,
    VT_ERROR, VT_BOOL, VT_I1,  VT_UI1, VT_UI2, VT_UI4, VT_I8,   VT_UI8,  VT_INT,
    VT_UINT,  VT_DECIMAL, VT_DISPATCH, VT_UNKNOWN, VT_VARIANT, VT_ARRAY | VT_UI1,
    VT_BYREF | VT_I4, VT_RECORD, VT_LPSTR, VT_VOID, VT_HRESULT,
};
#define TARGET_TYPE_COUNT (sizeof(target_types) / sizeof(target_types[0]))

/* Builds a well-formed value of `kind` from the input; the object, when
 * used, lends one reference to the VARIANT. Depth limits the objects'
 * default values to one level of nesting. */
static void read_value(reader *r, unsigned kind, VARIANT *out, fuzz_object *obj, int depth)
{
    VariantInit(out);
    if (kind == SCALAR_TYPE_COUNT) {
        uint8_t len = read_byte(r);
        SAFEARRAY *array = SafeArrayCreateVector(VT_UI1, 0, len);
        void *bytes;

        if (array && SUCCEEDED(SafeArrayAccessData(array, &bytes))) {
            read_bytes(r, bytes, len);
            SafeArrayUnaccessData(array);
            V_VT(out) = VT_ARRAY | VT_UI1;
            V_ARRAY(out) = array;
        } else if (array) {
            SafeArrayDestroy(array);
        }
        return;
    }
    switch (scalar_types[kind]) {
    case VT_BSTR: {
        UINT len = read_byte(r);
        BSTR text = SysAllocStringLen(NULL, len);

        if (!text)
            return;
        read_bytes(r, text, len * sizeof(OLECHAR));
        V_VT(out) = VT_BSTR;
        V_BSTR(out) = text;
        return;
    }
    case VT_DECIMAL: {
        DECIMAL dec;

        read_bytes(r, &dec, sizeof(dec));
        V_DECIMAL(out) = dec;
        V_VT(out) = VT_DECIMAL; /* after: decVal covers vt */
        return;
    }
    case VT_DISPATCH:
    case VT_UNKNOWN:
        /* An odd byte: a NULL object, which has no value either. */
        V_VT(out) = scalar_types[kind];
        if (read_byte(r) & 1 || depth > 0) {
            V_DISPATCH(out) = NULL;
            return;
        }
        read_value(r, read_byte(r) % SOURCE_KIND_COUNT, &obj->value, obj, depth + 1);
        obj->result = (read_byte(r) & 7) == 0 ? DISP_E_MEMBERNOTFOUND : S_OK;
        obj->refs++;
        V_DISPATCH(out) = &obj->iface;
        return;
    default:
        V_VT(out) = scalar_types[kind];
        /* Every other scalar lives in the first 8 bytes of the union. */
        read_bytes(r, &V_UI8(out), sizeof(ULONGLONG));
        return;
    }
}

static bool is_integer_type(VARTYPE vt)
{
    switch (vt) {
    case VT_I1: case VT_UI1: case VT_I2: case VT_UI2: case VT_I4: case VT_UI4:
    case VT_I8: case VT_UI8: case VT_INT: case VT_UINT: case VT_BOOL: case VT_CY:
        return true;
    default:
        return false;
    }
}

/* An integer, boolean or currency value prints and reads back unchanged.
 * (A VT_BOOL other than 0 and -1 is kept by a same-type change, but prints as
 * its number, which reads back as -1, as in oleaut32.) */
static void check_text_round_trip(const VARIANT *value, USHORT flags)
{
    VARIANT text, back;

    if (V_VT(value) == VT_BOOL && V_BOOL(value) != VARIANT_TRUE && V_BOOL(value) != VARIANT_FALSE)
        return;
    VariantInit(&text);
    VariantInit(&back);
    if (FAILED(VariantChangeType(&text, value, flags & VARIANT_ALPHABOOL, VT_BSTR)))
        return; /* out of memory */
    FUZZ_CHECK(V_VT(&text) == VT_BSTR);
    FUZZ_CHECK(VariantChangeType(&back, &text, 0, V_VT(value)) == S_OK);
    FUZZ_CHECK(V_VT(&back) == V_VT(value));
    switch (V_VT(value)) {
    case VT_I1: case VT_UI1: FUZZ_CHECK(V_UI1(&back) == V_UI1(value)); break;
    case VT_I2: case VT_UI2: case VT_BOOL: FUZZ_CHECK(V_UI2(&back) == V_UI2(value)); break;
    case VT_I4: case VT_UI4: case VT_INT: case VT_UINT:
        FUZZ_CHECK(V_UI4(&back) == V_UI4(value));
        break;
    default: FUZZ_CHECK(V_UI8(&back) == V_UI8(value)); break;
    }
    VariantClear(&text);
    VariantClear(&back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = { data, size };
    fuzz_object obj;
    VARIANT source, dest, before, copy, ref;
    unsigned kind = read_byte(&r) % SOURCE_KIND_COUNT;
    uint8_t target_byte = read_byte(&r);
    uint8_t flag_byte = read_byte(&r);
    USHORT flags = flag_byte & (VARIANT_NOVALUEPROP | VARIANT_ALPHABOOL |
                                VARIANT_NOUSEROVERRIDE | VARIANT_LOCALBOOL);
    bool in_place = flag_byte & 0x80, by_ref = flag_byte & 0x40, use_ex = flag_byte & 0x20;
    VARTYPE target;
    HRESULT hr;

    if (target_byte < 0xF0) {
        target = target_types[target_byte % TARGET_TYPE_COUNT];
    } else {
        target = (VARTYPE)(read_byte(&r) << 8);
        target |= read_byte(&r);
    }
    memset(&obj, 0, sizeof(obj));
    obj.iface.lpVtbl = &object_vtbl;
    obj.refs = 1;
    VariantInit(&obj.value);
    read_value(&r, kind, &source, &obj, 0);

    /* Copies of every kind, cleared again. */
    VariantInit(&copy);
    if (SUCCEEDED(VariantCopy(&copy, &source)))
        FUZZ_CHECK(V_VT(&copy) == V_VT(&source));
    VariantClear(&copy);

    /* A by-reference source points at the value's storage (VT_DECIMAL's
     * whole VARIANT); a DECIMAL, scalar or BSTR may be passed so. */
    VariantInit(&ref);
    if (by_ref && !(V_VT(&source) & VT_ARRAY) && V_VT(&source) != VT_EMPTY &&
        V_VT(&source) != VT_NULL) {
        V_VT(&ref) = VT_BYREF | V_VT(&source);
        if (V_VT(&source) == VT_DECIMAL)
            V_DECIMALREF(&ref) = &V_DECIMAL(&source);
        else
            V_BYREF(&ref) = &V_UI8(&source);
        VariantInit(&copy);
        if (SUCCEEDED(VariantCopyInd(&copy, &ref)))
            FUZZ_CHECK(V_VT(&copy) == V_VT(&source));
        VariantClear(&copy);
    }

    VariantInit(&dest);
    VARIANT *from = V_VT(&ref) != VT_EMPTY ? &ref : &source;
    VARIANT *to = in_place && from == &source ? &source : &dest;

    memcpy(&before, to, sizeof(before));
    if (use_ex)
        hr = VariantChangeTypeEx(to, from, LOCALE_USER_DEFAULT, flags, target);
    else
        hr = VariantChangeType(to, from, flags, target);
    if (SUCCEEDED(hr)) {
        FUZZ_CHECK(hr == S_OK);
        FUZZ_CHECK(V_VT(to) == target);
        if (is_integer_type(target))
            check_text_round_trip(to, flags);
    } else {
        FUZZ_CHECK(memcmp(&before, to, sizeof(before)) == 0);
    }

    if (to != &source)
        FUZZ_CHECK(VariantClear(to) == S_OK);
    FUZZ_CHECK(VariantClear(&source) == S_OK);
    FUZZ_CHECK(VariantClear(&obj.value) == S_OK);
    FUZZ_CHECK(obj.refs == 1);
    return 0;
}
