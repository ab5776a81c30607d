/*
 * fuzz_invoke.c - late binding on a generated class: IDispatch::Invoke,
 * GetIDsOfNames and the ITypeInfo behind them (runtime/dispatch.c,
 * runtime/typeinfo.c and the code ccwgen generates for examples/counter), with
 * arbitrary DISPIDs, flags, DISPPARAMS, VARIANTs and names.
 *
 * Each input makes one Example.Counter object and makes up to eight calls on
 * its two dual interfaces (ICounter, INamed). A call is:
 *   [interface] [dispid] [flags] [argument count] [named count] [outputs]
 *   then, per named argument, [its dispid], and per argument, a VARIANT:
 *   [kind] [payload...] (scalars, BSTRs, NULL and live objects, byte arrays,
 *   VT_ERROR "missing", and VT_BYREF of each, VT_VARIANT included).
 *
 * Properties: Invoke never changes an argument passed by value; an argument
 * error index is inside the arguments; the exception of DISP_E_EXCEPTION is
 * filled in; unknown names come back as DISPID_UNKNOWN; every string and
 * reference handed out is freed by the rules (the sanitizers see any leak or
 * double free); at the end the object is gone and the module can unload.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <string.h>

#include <ccw/runtime.h>

#include "counter_ccw.h"

#define MAX_CALLS 8
#define MAX_ARGS 4

static int32_t read_int32(reader *r)
{
    uint32_t v;

    read_bytes(r, &v, sizeof(v));
    return (int32_t)v;
}

/* Mostly DISPIDs that exist or are special; sometimes any. */
static DISPID read_dispid(reader *r)
{
    static const DISPID common[] = { 1, 2, 3, 4, 5, 6, 7, DISPID_VALUE, DISPID_UNKNOWN,
                                     DISPID_PROPERTYPUT, DISPID_NEWENUM, 0x7fffffff,
                                     (DISPID)0x80000000 };
    uint8_t b = read_byte(r);

    if (b < 0xF0)
        return common[b % (sizeof(common) / sizeof(*common))];
    return read_int32(r);
}

static const VARTYPE scalar_types[] = {
    VT_EMPTY, VT_NULL, VT_I2, VT_I4, VT_R4, VT_R8, VT_CY, VT_DATE, VT_BOOL, VT_I1,
    VT_UI1, VT_UI2, VT_UI4, VT_I8, VT_UI8, VT_INT, VT_UINT,
};
#define SCALAR_COUNT (sizeof(scalar_types) / sizeof(*scalar_types))

enum { KIND_BSTR = SCALAR_COUNT, KIND_OBJECT, KIND_NULL_OBJECT, KIND_BYTES, KIND_MISSING,
       KIND_DECIMAL, KIND_COUNT };

/* A value of a kind from the input into `v` (which owns it). */
static void read_value(reader *r, unsigned kind, VARIANT *v, IDispatch *self)
{
    VariantInit(v);
    switch (kind) {
    case KIND_BSTR: {
        UINT len = read_byte(r) % 64;
        BSTR text = SysAllocStringLen(NULL, len);

        if (text) {
            read_bytes(r, text, len * sizeof(OLECHAR));
            V_VT(v) = VT_BSTR;
            V_BSTR(v) = text;
        }
        return;
    }
    case KIND_OBJECT:
        IDispatch_AddRef(self);
        V_VT(v) = VT_DISPATCH;
        V_DISPATCH(v) = self;
        return;
    case KIND_NULL_OBJECT:
        V_VT(v) = read_byte(r) & 1 ? VT_UNKNOWN : VT_DISPATCH;
        V_UNKNOWN(v) = NULL;
        return;
    case KIND_BYTES: {
        uint8_t len = read_byte(r) % 32;
        SAFEARRAY *array = SafeArrayCreateVector(VT_UI1, 0, len);
        void *bytes;

        if (array && SUCCEEDED(SafeArrayAccessData(array, &bytes))) {
            read_bytes(r, bytes, len);
            SafeArrayUnaccessData(array);
            V_VT(v) = VT_ARRAY | VT_UI1;
            V_ARRAY(v) = array;
        } else if (array) {
            SafeArrayDestroy(array);
        }
        return;
    }
    case KIND_MISSING:
        V_VT(v) = VT_ERROR;
        V_ERROR(v) = DISP_E_PARAMNOTFOUND;
        return;
    case KIND_DECIMAL: {
        DECIMAL dec;

        read_bytes(r, &dec, sizeof(dec));
        V_DECIMAL(v) = dec;
        V_VT(v) = VT_DECIMAL;
        return;
    }
    default:
        V_VT(v) = scalar_types[kind];
        read_bytes(r, &V_UI8(v), sizeof(ULONGLONG));
        return;
    }
}

typedef struct argument {
    VARIANT value;   /* what the caller passes (by value, or a VT_BYREF to storage) */
    VARIANT storage; /* what a VT_BYREF argument points at, owned here */
    VARIANT before;  /* a by-value argument's bytes before the call */
} argument;

static void read_argument(reader *r, argument *arg, IDispatch *self)
{
    uint8_t b = read_byte(r);
    unsigned kind = (b & 0x7F) % KIND_COUNT;
    bool by_ref = b & 0x80;

    VariantInit(&arg->storage);
    if (!by_ref || kind == KIND_MISSING) {
        read_value(r, kind, &arg->value, self);
        memcpy(&arg->before, &arg->value, sizeof(arg->before));
        return;
    }
    read_value(r, kind, &arg->storage, self);
    VariantInit(&arg->value);
    if (read_byte(r) & 1 || V_VT(&arg->storage) == VT_EMPTY) {
        /* VT_BYREF|VT_VARIANT: the callee sees the whole VARIANT. */
        V_VT(&arg->value) = VT_BYREF | VT_VARIANT;
        V_VARIANTREF(&arg->value) = &arg->storage;
    } else if (V_VT(&arg->storage) == VT_DECIMAL) {
        V_VT(&arg->value) = VT_BYREF | VT_DECIMAL;
        V_DECIMALREF(&arg->value) = &V_DECIMAL(&arg->storage);
    } else {
        V_VT(&arg->value) = VT_BYREF | V_VT(&arg->storage);
        V_BYREF(&arg->value) = &V_UI8(&arg->storage);
    }
    memcpy(&arg->before, &arg->value, sizeof(arg->before));
}

static void free_excepinfo(EXCEPINFO *excep)
{
    SysFreeString(excep->bstrSource);
    SysFreeString(excep->bstrDescription);
    SysFreeString(excep->bstrHelpFile);
    memset(excep, 0, sizeof(*excep));
}

static void one_call(reader *r, IDispatch *const *ifaces, IDispatch *self)
{
    IDispatch *disp = ifaces[read_byte(r) & 1];
    DISPID member = read_dispid(r);
    WORD flags = read_byte(r);
    UINT arg_count = read_byte(r) % (MAX_ARGS + 1);
    UINT named_count = read_byte(r) % (arg_count + 1);
    uint8_t outputs = read_byte(r);
    DISPID named[MAX_ARGS];
    argument args[MAX_ARGS];
    VARIANT rgvarg[MAX_ARGS];
    DISPPARAMS params;
    VARIANT result;
    EXCEPINFO excep;
    UINT arg_err = 0xDEADBEEF;
    const IID *riid = outputs & 0x80 ? &IID_IUnknown : &IID_NULL;
    HRESULT hr;

    if (outputs & 0x40)
        flags |= (WORD)(read_byte(r) << 8);
    for (UINT i = 0; i < named_count; i++)
        named[i] = read_byte(r) & 1 ? DISPID_PROPERTYPUT : read_dispid(r);
    for (UINT i = 0; i < arg_count; i++) {
        read_argument(r, &args[i], self);
        rgvarg[i] = args[i].value;
    }
    params.rgvarg = arg_count ? rgvarg : NULL;
    params.rgdispidNamedArgs = named_count ? named : NULL;
    params.cArgs = arg_count;
    params.cNamedArgs = named_count;
    VariantInit(&result);
    memset(&excep, 0, sizeof(excep));

    hr = IDispatch_Invoke(disp, member, riid, LOCALE_USER_DEFAULT, flags, &params,
                          outputs & 1 ? &result : NULL, outputs & 2 ? &excep : NULL,
                          outputs & 4 ? &arg_err : NULL);
    if (riid != &IID_NULL)
        FUZZ_CHECK(hr == DISP_E_UNKNOWNINTERFACE);
    if ((hr == DISP_E_TYPEMISMATCH || hr == DISP_E_PARAMNOTFOUND) && (outputs & 4))
        FUZZ_CHECK(arg_err < arg_count);
    if (hr == DISP_E_EXCEPTION && (outputs & 2))
        FUZZ_CHECK(excep.bstrDescription != NULL && (FAILED(excep.scode) || excep.wCode));

    for (UINT i = 0; i < arg_count; i++) {
        /* The callee may change what a VT_BYREF argument points at, never
         * the arguments themselves. */
        FUZZ_CHECK(memcmp(&rgvarg[i], &args[i].before, sizeof(VARIANT)) == 0);
        VariantClear(&args[i].storage);
        if (!(V_VT(&args[i].value) & VT_BYREF))
            VariantClear(&args[i].value);
    }
    VariantClear(&result);
    free_excepinfo(&excep);
}

static void look_up_names(reader *r, IDispatch *disp)
{
    static const char *const known[] = { "Value", "add", "STEP", "Reset", "IsZero", "Name",
                                         "Describe", "" };
    UINT count = 1 + read_byte(r) % 3;
    OLECHAR storage[3][32];
    OLECHAR *names[3];
    DISPID ids[3];
    HRESULT hr;

    for (UINT i = 0; i < count; i++) {
        uint8_t b = read_byte(r);
        size_t len = 0;

        if (b & 1) {
            const char *name = known[(b >> 1) % (sizeof(known) / sizeof(*known))];

            for (len = 0; name[len]; len++)
                storage[i][len] = (OLECHAR)name[len];
        } else {
            len = (b >> 1) % 31;
            read_bytes(r, storage[i], len * sizeof(OLECHAR));
        }
        storage[i][len] = 0;
        names[i] = storage[i];
    }
    hr = IDispatch_GetIDsOfNames(disp, &IID_NULL, names, count, LOCALE_USER_DEFAULT, ids);
    if (hr == S_OK) {
        FUZZ_CHECK(ids[0] != DISPID_UNKNOWN);
    } else if (hr == DISP_E_UNKNOWNNAME) {
        bool some_unknown = false;

        for (UINT i = 0; i < count; i++)
            some_unknown |= ids[i] == DISPID_UNKNOWN;
        FUZZ_CHECK(some_unknown);
    }
}

static void walk_type_info(reader *r, IDispatch *disp)
{
    ITypeInfo *info = NULL;
    TYPEATTR *attr = NULL;
    FUNCDESC *func = NULL;
    BSTR names[4] = { NULL, NULL, NULL, NULL };
    UINT got = 0, count = 0;
    MEMBERID member = read_dispid(r);

    FUZZ_CHECK(IDispatch_GetTypeInfoCount(disp, &count) == S_OK && count == 1);
    if (FAILED(IDispatch_GetTypeInfo(disp, read_byte(r) % 2, LOCALE_USER_DEFAULT, &info)))
        return;
    if (SUCCEEDED(ITypeInfo_GetTypeAttr(info, &attr))) {
        UINT index = read_byte(r) % (attr->cFuncs + 2);

        if (SUCCEEDED(ITypeInfo_GetFuncDesc(info, index, &func))) {
            FUZZ_CHECK(index < attr->cFuncs);
            ITypeInfo_ReleaseFuncDesc(info, func);
        }
        ITypeInfo_ReleaseTypeAttr(info, attr);
    }
    if (SUCCEEDED(ITypeInfo_GetNames(info, member, names, read_byte(r) % 5, &got)))
        for (UINT i = 0; i < got; i++)
            SysFreeString(names[i]);
    ITypeInfo_Release(info);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = { data, size };
    ICounter *counter = NULL;
    INamed *named = NULL;
    IDispatch *ifaces[2];

    FUZZ_CHECK(counter_ccw_create(NULL, &IID_ICounter, (void **)&counter) == S_OK);
    FUZZ_CHECK(ICounter_QueryInterface(counter, &IID_INamed, (void **)&named) == S_OK);
    ifaces[0] = (IDispatch *)counter;
    ifaces[1] = (IDispatch *)named;

    for (unsigned calls = 0; calls < MAX_CALLS && r.size > 0; calls++) {
        uint8_t what = read_byte(&r);

        if (what < 0xE0)
            one_call(&r, ifaces, ifaces[what & 1]);
        else if (what < 0xF0)
            look_up_names(&r, ifaces[what & 1]);
        else
            walk_type_info(&r, ifaces[what & 1]);
    }

    INamed_Release(named);
    ICounter_Release(counter);
    FUZZ_CHECK(counter_ccw_can_unload_now() == S_OK);
    /* A failing call raises IErrorInfo on this thread: drop it, as a client would. */
    SetErrorInfo(0, NULL);
    return 0;
}
