/*
 * dispatch_calc.c - the hand-written dual interface of dispatch_calc.h:
 * exactly the shape of what ccwgen emits, except that the hash tables are
 * placed at start-up (calc_setup) by the same runtime calls the generator
 * makes, instead of being written out as constants.
 */
#include "dispatch_calc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* {B7C3D1A0-5E2F-4A61-8D9C-0F1E2D3C4B01} and neighbours */
const IID IID_ICalc = { 0xb7c3d1a0, 0x5e2f, 0x4a61, { 0x8d, 0x9c, 0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x01 } };
const IID IID_INote = { 0xb7c3d1a0, 0x5e2f, 0x4a61, { 0x8d, 0x9c, 0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x02 } };
const CLSID CLSID_Calc = { 0xb7c3d1a0, 0x5e2f, 0x4a61,
                           { 0x8d, 0x9c, 0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x10 } };
const GUID LIBID_Calc = { 0xb7c3d1a0, 0x5e2f, 0x4a61,
                          { 0x8d, 0x9c, 0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x20 } };

ccw_module calc_module;

struct calc_ccw {
    ccw_object header;
    const ICalcVtbl *ICalc;
};

static struct calc *calc_from(ICalc *This)
{
    return CCW_OBJECT_FROM(This, struct calc_ccw, ICalc)->c_object;
}

struct calc *calc_of(IDispatch *disp)
{
    return calc_from((ICalc *)(void *)disp);
}

/* ---- The early-bound methods ------------------------------------------ */

static HRESULT STDMETHODCALLTYPE ICalc_get_Value(ICalc *This, LONG *out)
{
    *out = calc_from(This)->value;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_put_Value(ICalc *This, LONG value)
{
    calc_from(This)->value = value;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Add(ICalc *This, LONG a, LONG b, LONG *out)
{
    (void)This;
    *out = (LONG)((ULONG)a + (ULONG)b);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Concat(ICalc *This, BSTR a, BSTR b, BSTR *out)
{
    UINT la = SysStringLen(a), lb = SysStringLen(b);
    BSTR joined = SysAllocStringLen(NULL, la + lb);

    (void)This;
    if (!joined)
        return E_OUTOFMEMORY;
    if (la)
        memcpy(joined, a, la * sizeof(OLECHAR));
    if (lb)
        memcpy(joined + la, b, lb * sizeof(OLECHAR));
    *out = joined;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Scale(ICalc *This, DOUBLE x, LONG factor, DOUBLE *out)
{
    (void)This;
    *out = x * factor;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Divide(ICalc *This, LONG a, LONG b, LONG *remainder,
                                              LONG *out)
{
    (void)This;
    if (b == 0) {
        *remainder = 0;
        *out = 0;
        ccw_error_set_message("division by zero");
        return ccw_error_raise_errno(EDOM, "Test.Calc", &IID_ICalc);
    }
    *remainder = a % b;
    *out = a / b;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Swap(ICalc *This, LONG *a, LONG *b)
{
    LONG t = *a;

    (void)This;
    *a = *b;
    *b = t;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_get_Name(ICalc *This, BSTR *out)
{
    BSTR name = calc_from(This)->name;

    *out = SysAllocStringLen(name, SysStringLen(name));
    return *out ? S_OK : E_OUTOFMEMORY;
}

static HRESULT STDMETHODCALLTYPE ICalc_put_Name(ICalc *This, BSTR name)
{
    struct calc *calc = calc_from(This);
    BSTR copy = SysAllocStringLen(name, SysStringLen(name));

    if (!copy)
        return E_OUTOFMEMORY;
    SysFreeString(calc->name);
    calc->name = copy;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Small(ICalc *This, BYTE v, BYTE *out)
{
    (void)This;
    *out = v;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Echo(ICalc *This, VARIANT v, VARIANT *out)
{
    (void)This;
    VariantInit(out);
    return VariantCopy(out, &v);
}

static HRESULT STDMETHODCALLTYPE ICalc_get_Flag(ICalc *This, VARIANT_BOOL *out)
{
    *out = calc_from(This)->flag;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_put_Flag(ICalc *This, VARIANT_BOOL flag)
{
    calc_from(This)->flag = flag;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Secret(ICalc *This, LONG *out)
{
    (void)This;
    *out = 42;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Peer(ICalc *This, ICalc *other, LONG *out)
{
    (void)This;
    if (!other) {
        *out = -1;
        return S_OK;
    }
    return other->lpVtbl->get_Value(other, out);
}

static HRESULT STDMETHODCALLTYPE ICalc_Sum(ICalc *This, SAFEARRAY *data, LONG *out)
{
    const BYTE *bytes = data ? data->pvData : NULL;
    ULONG i, count = data ? data->rgsabound[0].cElements : 0;

    (void)This;
    *out = 0;
    for (i = 0; i < count; i++)
        *out += bytes[i];
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICalc_Fail(ICalc *This)
{
    (void)This;
    return E_FAIL;
}

static HRESULT STDMETHODCALLTYPE ICalc_Defaults(ICalc *This, SHORT s, VARIANT_BOOL b, BSTR t,
                                                VARIANT v, BSTR *out)
{
    char *text = NULL;
    char line[256];
    HRESULT hr;

    (void)This;
    hr = ccw_bstr_to_utf8(t, &text, NULL);
    if (FAILED(hr))
        return hr;
    snprintf(line, sizeof(line), "%d %d <%s> %u", s, b, text, (unsigned)V_VT(&v));
    ccw_string_free(text);
    return ccw_bstr_from_utf8(line, CCW_NUL_TERMINATED, out);
}

/* ---- The tables ------------------------------------------------------- */

#define IN PARAMFLAG_FIN
#define OUT PARAMFLAG_FOUT
#define RETVAL (PARAMFLAG_FOUT | PARAMFLAG_FRETVAL)
#define OPT PARAMFLAG_FOPT

static const ccw_dispatch_param get_long[] = { { .name = "result", .vt = VT_I4, .flags = RETVAL } };
static const ccw_dispatch_param put_long[] = { { .name = "value", .vt = VT_I4, .flags = IN } };
static const ccw_dispatch_param add_params[] = {
    { .name = "a", .vt = VT_I4, .flags = IN },
    { .name = "b", .vt = VT_I4, .flags = IN },
    { .name = "result", .vt = VT_I4, .flags = RETVAL },
};
static const ccw_dispatch_param concat_params[] = {
    { .name = "a", .vt = VT_BSTR, .flags = IN },
    { .name = "b", .vt = VT_BSTR, .flags = IN | OPT, .default_value = { .text = "!" } },
    { .name = "result", .vt = VT_BSTR, .flags = RETVAL },
};
static const ccw_dispatch_param scale_params[] = {
    { .name = "x", .vt = VT_R8, .flags = IN },
    { .name = "factor", .vt = VT_I4, .flags = IN | OPT, .default_value = { .i8 = 2 } },
    { .name = "result", .vt = VT_R8, .flags = RETVAL },
};
static const ccw_dispatch_param divide_params[] = {
    { .name = "a", .vt = VT_I4, .flags = IN },
    { .name = "b", .vt = VT_I4, .flags = IN },
    { .name = "remainder", .vt = VT_I4, .flags = OUT },
    { .name = "result", .vt = VT_I4, .flags = RETVAL },
};
static const ccw_dispatch_param swap_params[] = {
    { .name = "a", .vt = VT_I4, .flags = IN | OUT },
    { .name = "b", .vt = VT_I4, .flags = IN | OUT },
};
static const ccw_dispatch_param get_bstr[] = { { .name = "result", .vt = VT_BSTR, .flags = RETVAL } };
static const ccw_dispatch_param put_bstr[] = { { .name = "value", .vt = VT_BSTR, .flags = IN } };
static const ccw_dispatch_param small_params[] = {
    { .name = "v", .vt = VT_UI1, .flags = IN },
    { .name = "result", .vt = VT_UI1, .flags = RETVAL },
};
static const ccw_dispatch_param echo_params[] = {
    { .name = "v", .vt = VT_VARIANT, .flags = IN },
    { .name = "result", .vt = VT_VARIANT, .flags = RETVAL },
};
static const ccw_dispatch_param get_bool[] = { { .name = "result", .vt = VT_BOOL, .flags = RETVAL } };
static const ccw_dispatch_param put_bool[] = { { .name = "value", .vt = VT_BOOL, .flags = IN } };
static const ccw_dispatch_param peer_params[] = {
    { .name = "other", .vt = VT_DISPATCH, .flags = IN, .iid = &IID_ICalc },
    { .name = "result", .vt = VT_I4, .flags = RETVAL },
};
static const ccw_dispatch_param sum_params[] = {
    { .name = "data", .vt = VT_ARRAY | VT_UI1, .flags = IN },
    { .name = "result", .vt = VT_I4, .flags = RETVAL },
};
static const ccw_dispatch_param defaults_params[] = {
    { .name = "s", .vt = VT_I2, .flags = IN | OPT, .default_value = { .i8 = 7 } },
    { .name = "b", .vt = VT_BOOL, .flags = IN | OPT, .default_value = { .i8 = 1 } },
    { .name = "t", .vt = VT_BSTR, .flags = IN | OPT },
    { .name = "v", .vt = VT_VARIANT, .flags = IN | OPT },
    { .name = "result", .vt = VT_BSTR, .flags = RETVAL },
};

#define PARAMS(array) .params = array, .param_count = sizeof(array) / sizeof(array[0])

static const ccw_dispatch_function calc_functions[] = {
    { .name = "Value", .dispid = 0, .invkind = INVOKE_PROPERTYGET, .slot = 7, PARAMS(get_long),
      .help = "The current value" },
    { .name = "Value", .dispid = 0, .invkind = INVOKE_PROPERTYPUT, .slot = 8, PARAMS(put_long) },
    { .name = "Add", .dispid = 1, .invkind = INVOKE_FUNC, .slot = 9, PARAMS(add_params),
      .help = "Adds two numbers" },
    { .name = "Concat", .dispid = 3, .invkind = INVOKE_FUNC, .slot = 10, PARAMS(concat_params) },
    { .name = "Scale", .dispid = 4, .invkind = INVOKE_FUNC, .slot = 11, PARAMS(scale_params) },
    { .name = "Divide", .dispid = 5, .invkind = INVOKE_FUNC, .slot = 12, PARAMS(divide_params) },
    { .name = "Swap", .dispid = 6, .invkind = INVOKE_FUNC, .slot = 13, PARAMS(swap_params) },
    { .name = "Name", .dispid = 7, .invkind = INVOKE_PROPERTYGET, .slot = 14, PARAMS(get_bstr) },
    { .name = "Name", .dispid = 7, .invkind = INVOKE_PROPERTYPUT, .slot = 15, PARAMS(put_bstr),
      .help = "The calculator's name" },
    { .name = "Small", .dispid = 9, .invkind = INVOKE_FUNC, .slot = 16, PARAMS(small_params) },
    { .name = "Echo", .dispid = 10, .invkind = INVOKE_FUNC, .slot = 17, PARAMS(echo_params) },
    { .name = "Flag", .dispid = 11, .invkind = INVOKE_PROPERTYGET, .slot = 18, PARAMS(get_bool) },
    { .name = "Flag", .dispid = 11, .invkind = INVOKE_PROPERTYPUT, .slot = 19, PARAMS(put_bool) },
    { .name = "Secret", .dispid = 12, .invkind = INVOKE_FUNC, .slot = 20, .flags = FUNCFLAG_FHIDDEN,
      PARAMS(get_long) },
    { .name = "Peer", .dispid = 13, .invkind = INVOKE_FUNC, .slot = 21, PARAMS(peer_params) },
    { .name = "Sum", .dispid = 14, .invkind = INVOKE_FUNC, .slot = 22, PARAMS(sum_params) },
    { .name = "Fail", .dispid = 15, .invkind = INVOKE_FUNC, .slot = 23 },
    { .name = "Defaults", .dispid = 16, .invkind = INVOKE_FUNC, .slot = 24,
      PARAMS(defaults_params) },
};
#define CALC_FUNCTIONS (sizeof(calc_functions) / sizeof(calc_functions[0]))

static ccw_dispatch_member calc_members[64];
static ccw_dispatch_name calc_names[256];

ccw_dispatch_table calc_dispatch = {
    .name = "ICalc",
    .iid = &IID_ICalc,
    .help = "A calculator",
    .source = "Test.Calc",
    .dual = true,
    .functions = calc_functions,
    .function_count = CALC_FUNCTIONS,
    .members = calc_members,
    .names = calc_names,
    .library = &calc_typelib,
};

static const ccw_dispatch_param note_params[] = {
    { .name = "result", .vt = VT_I4, .flags = RETVAL },
};
static const ccw_dispatch_function note_functions[] = {
    { .name = "Note", .dispid = 1, .invkind = INVOKE_FUNC, .slot = 3, PARAMS(note_params) },
};
static const ccw_dispatch_table note_dispatch = {
    .name = "INote",
    .iid = &IID_INote,
    .dual = false,
    .functions = note_functions,
    .function_count = 1,
    .library = &calc_typelib,
};

static const ccw_dispatch_table *const calc_interfaces[] = { &calc_dispatch, &note_dispatch };

static const ccw_typelib_class calc_classes[] = {
    { .name = "Calc", .clsid = &CLSID_Calc, .help = "A calculator class", .creatable = true,
      .interfaces = calc_interfaces, .interface_count = 2, .default_interface = 0 },
};

const ccw_typelib calc_typelib = {
    .name = "CalcLib",
    .libid = &LIBID_Calc,
    .version_major = 1,
    .version_minor = 2,
    .help = "The calculator library",
    .interfaces = calc_interfaces,
    .interface_count = 2,
    .classes = calc_classes,
    .class_count = 1,
};

/* ---- IDispatch ------------------------------------------------------- */

static ccw_object *object_of(ICalc *This)
{
    return CCW_OBJECT_FROM(This, struct calc_ccw, ICalc);
}

static HRESULT STDMETHODCALLTYPE ICalc_QueryInterface(ICalc *This, REFIID riid, void **ppv)
{
    return ccw_object_query_interface(object_of(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE ICalc_AddRef(ICalc *This)
{
    return ccw_object_add_ref(object_of(This));
}

static ULONG STDMETHODCALLTYPE ICalc_Release(ICalc *This)
{
    return ccw_object_release(object_of(This));
}

static HRESULT STDMETHODCALLTYPE ICalc_GetTypeInfoCount(ICalc *This, UINT *pctinfo)
{
    (void)This;
    return ccw_dispatch_get_type_info_count(pctinfo);
}

static HRESULT STDMETHODCALLTYPE ICalc_GetTypeInfo(ICalc *This, UINT iTInfo, LCID lcid,
                                                   ITypeInfo **ppTInfo)
{
    (void)lcid;
    return ccw_dispatch_get_type_info(&calc_dispatch, object_of(This)->cls->module, iTInfo,
                                      ppTInfo);
}

static HRESULT STDMETHODCALLTYPE ICalc_GetIDsOfNames(ICalc *This, REFIID riid,
                                                     LPOLESTR *rgszNames, UINT cNames, LCID lcid,
                                                     DISPID *rgDispId)
{
    (void)This, (void)lcid;
    return ccw_dispatch_get_ids_of_names(&calc_dispatch, riid, rgszNames, cNames, rgDispId);
}

static HRESULT STDMETHODCALLTYPE ICalc_Invoke(ICalc *This, DISPID dispIdMember, REFIID riid,
                                              LCID lcid, WORD wFlags, DISPPARAMS *pDispParams,
                                              VARIANT *pVarResult, EXCEPINFO *pExcepInfo,
                                              UINT *puArgErr)
{
    ccw_invocation inv;
    HRESULT hr;

    hr = ccw_dispatch_begin(&inv, &calc_dispatch, dispIdMember, riid, lcid, wFlags, pDispParams,
                            pVarResult, pExcepInfo, puArgErr);
    if (FAILED(hr))
        return hr;
    switch (inv.function) {
    case 0: hr = ICalc_get_Value(This, &V_I4(&inv.args[0])); break;
    case 1: hr = ICalc_put_Value(This, V_I4(&inv.args[0])); break;
    case 2: hr = ICalc_Add(This, V_I4(&inv.args[0]), V_I4(&inv.args[1]), &V_I4(&inv.args[2])); break;
    case 3:
        hr = ICalc_Concat(This, V_BSTR(&inv.args[0]), V_BSTR(&inv.args[1]), &V_BSTR(&inv.args[2]));
        break;
    case 4: hr = ICalc_Scale(This, V_R8(&inv.args[0]), V_I4(&inv.args[1]), &V_R8(&inv.args[2])); break;
    case 5:
        hr = ICalc_Divide(This, V_I4(&inv.args[0]), V_I4(&inv.args[1]), &V_I4(&inv.args[2]),
                          &V_I4(&inv.args[3]));
        break;
    case 6: hr = ICalc_Swap(This, &V_I4(&inv.args[0]), &V_I4(&inv.args[1])); break;
    case 7: hr = ICalc_get_Name(This, &V_BSTR(&inv.args[0])); break;
    case 8: hr = ICalc_put_Name(This, V_BSTR(&inv.args[0])); break;
    case 9: hr = ICalc_Small(This, V_UI1(&inv.args[0]), &V_UI1(&inv.args[1])); break;
    case 10: hr = ICalc_Echo(This, inv.args[0], &inv.args[1]); break;
    case 11: hr = ICalc_get_Flag(This, &V_BOOL(&inv.args[0])); break;
    case 12: hr = ICalc_put_Flag(This, V_BOOL(&inv.args[0])); break;
    case 13: hr = ICalc_Secret(This, &V_I4(&inv.args[0])); break;
    case 14:
        hr = ICalc_Peer(This, (ICalc *)(void *)V_DISPATCH(&inv.args[0]), &V_I4(&inv.args[1]));
        break;
    case 15: hr = ICalc_Sum(This, V_ARRAY(&inv.args[0]), &V_I4(&inv.args[1])); break;
    case 16: hr = ICalc_Fail(This); break;
    case 17:
        hr = ICalc_Defaults(This, V_I2(&inv.args[0]), V_BOOL(&inv.args[1]), V_BSTR(&inv.args[2]),
                            inv.args[3], &V_BSTR(&inv.args[4]));
        break;
    default: hr = E_UNEXPECTED; break;
    }
    return ccw_dispatch_end(&inv, hr);
}

static const ICalcVtbl calc_vtbl = {
    .QueryInterface = ICalc_QueryInterface,
    .AddRef = ICalc_AddRef,
    .Release = ICalc_Release,
    .GetTypeInfoCount = ICalc_GetTypeInfoCount,
    .GetTypeInfo = ICalc_GetTypeInfo,
    .GetIDsOfNames = ICalc_GetIDsOfNames,
    .Invoke = ICalc_Invoke,
    .get_Value = ICalc_get_Value,
    .put_Value = ICalc_put_Value,
    .Add = ICalc_Add,
    .Concat = ICalc_Concat,
    .Scale = ICalc_Scale,
    .Divide = ICalc_Divide,
    .Swap = ICalc_Swap,
    .get_Name = ICalc_get_Name,
    .put_Name = ICalc_put_Name,
    .Small = ICalc_Small,
    .Echo = ICalc_Echo,
    .get_Flag = ICalc_get_Flag,
    .put_Flag = ICalc_put_Flag,
    .Secret = ICalc_Secret,
    .Peer = ICalc_Peer,
    .Sum = ICalc_Sum,
    .Fail = ICalc_Fail,
    .Defaults = ICalc_Defaults,
};

/* ---- The class -------------------------------------------------------- */

static void calc_destroy(void *c_object)
{
    struct calc *calc = c_object;

    SysFreeString(calc->name);
    free(calc);
}

static const ccw_class_interface calc_class_interfaces[] = {
    { &IID_ICalc, &calc_vtbl, offsetof(struct calc_ccw, ICalc) },
};

static ccw_qi_slot calc_qi_slots[16];

static ccw_class calc_class = {
    .name = "Calc",
    .progid = "Test.Calc",
    .clsid = &CLSID_Calc,
    .size = sizeof(struct calc_ccw),
    .interfaces = calc_class_interfaces,
    .interface_count = 1,
    .qi = { { 0, 0 }, calc_qi_slots },
    .destroy = calc_destroy,
    .module = &calc_module,
};

static void fold(char *out, const char *name)
{
    for (; *name; name++)
        *out++ = (char)(*name >= 'A' && *name <= 'Z' ? *name - 'A' + 'a' : *name);
    *out = '\0';
}

/* Folded names live here (ccwgen writes them as string literals). */
static char folded_text[256][32];

void calc_setup(void)
{
    static const IID *const qi_iids[] = { &IID_IUnknown, &IID_ISupportErrorInfo, &IID_IDispatch,
                                          &IID_ICalc };
    const size_t qi_offsets[] = { CCW_OBJECT_UNKNOWN_OFFSET, CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET,
                                  offsetof(struct calc_ccw, ICalc),
                                  offsetof(struct calc_ccw, ICalc) };
    DISPID dispids[CALC_FUNCTIONS];
    ccw_dispatch_name keys[256];
    size_t member_count = 0, key_count = 0, i, j;

    if (FAILED(ccw_qi_table_build(&calc_class.qi.shape, qi_iids, 4)))
        abort();
    for (i = 0; i < 4; i++)
        calc_qi_slots[ccw_qi_table_slot(&calc_class.qi.shape, qi_iids[i])] =
            (ccw_qi_slot){ qi_iids[i], qi_offsets[i] };

    /* Members: one per DISPID. */
    for (i = 0; i < CALC_FUNCTIONS; i++) {
        for (j = 0; j < member_count && dispids[j] != calc_functions[i].dispid; j++)
            ;
        if (j == member_count)
            dispids[member_count++] = calc_functions[i].dispid;
    }
    if (FAILED(ccw_dispatch_members_build(&calc_dispatch.member_shape, dispids, member_count)) ||
        calc_dispatch.member_shape.mask >= sizeof(calc_members) / sizeof(calc_members[0]))
        abort();
    for (i = 0; i < CALC_FUNCTIONS; i++) {
        const ccw_dispatch_function *fn = &calc_functions[i];
        ccw_dispatch_member *member =
            &calc_members[ccw_dispatch_member_slot(&calc_dispatch.member_shape, fn->dispid)];

        member->name = fn->name;
        member->dispid = fn->dispid;
        if (fn->invkind == INVOKE_FUNC)
            member->method = fn;
        else if (fn->invkind == INVOKE_PROPERTYGET)
            member->get = fn;
        else
            member->put = fn;
    }

    /* Names: every visible member, and the parameters of its method. */
    for (i = 0; i < CALC_FUNCTIONS; i++) {
        const ccw_dispatch_function *fn = &calc_functions[i];
        USHORT member = (USHORT)ccw_dispatch_member_slot(&calc_dispatch.member_shape, fn->dispid);

        if (fn->flags & FUNCFLAG_FHIDDEN)
            continue;
        if (i == 0 || calc_functions[i - 1].dispid != fn->dispid) {
            fold(folded_text[key_count], fn->name);
            keys[key_count] = (ccw_dispatch_name){ folded_text[key_count],
                                                   (USHORT)strlen(fn->name), member, -1 };
            key_count++;
        }
        if (fn->invkind != INVOKE_FUNC)
            continue;
        for (j = 0; j < fn->param_count; j++) {
            if (fn->params[j].flags & PARAMFLAG_FRETVAL)
                continue;
            fold(folded_text[key_count], fn->params[j].name);
            keys[key_count] = (ccw_dispatch_name){ folded_text[key_count],
                                                   (USHORT)strlen(fn->params[j].name), member,
                                                   (SHORT)j };
            key_count++;
        }
    }
    if (FAILED(ccw_dispatch_names_build(&calc_dispatch.name_shape, keys, key_count)) ||
        calc_dispatch.name_shape.mask >= sizeof(calc_names) / sizeof(calc_names[0]))
        abort();
    for (i = 0; i < key_count; i++)
        calc_names[ccw_dispatch_name_hash(&keys[i], calc_dispatch.name_shape.seed) &
                   calc_dispatch.name_shape.mask] = keys[i];
}

IDispatch *calc_create(void)
{
    struct calc *calc = calloc(1, sizeof(*calc));
    void *out = NULL;

    if (!calc)
        abort();
    calc->name = SysAllocString(OLESTR("calc"));
    if (FAILED(ccw_object_create(&calc_class, NULL, calc, true, &IID_IDispatch, &out)))
        abort();
    return out;
}
