/*
 * dispatch_walk.c - a late-bound client that knows nothing of the component
 * it is given but one CLSID: it loads the shared library, finds every class
 * and interface through ITypeInfo/ITypeLib, checks each type description,
 * then calls every member of every dual interface through GetIDsOfNames and
 * Invoke with arguments made from the FUNCDESC, as a script host would.
 *
 *   dispatch_walk COMPONENT.so {CLSID}
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/runtime.h>

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static const char *component_path;
static CLSID first_clsid;
static void *component;
static HRESULT (STDAPICALLTYPE *get_class_object)(REFCLSID, REFIID, void **);

/* Counts over the whole walk, checked at the end. */
static unsigned interfaces_walked, functions_called, exceptions_seen;

static int load_component(void **state)
{
    void *address;

    (void)state;
    component = dlopen(component_path, RTLD_NOW | RTLD_LOCAL);
    if (!component) {
        fprintf(stderr, "%s\n", dlerror());
        return -1;
    }
    address = dlsym(component, "DllGetClassObject");
    if (!address)
        return -1;
    memcpy(&get_class_object, &address, sizeof(get_class_object));
    return 0;
}

static int unload_component(void **state)
{
    (void)state;
    return dlclose(component);
}

static char *utf8_of(BSTR text)
{
    char *out = NULL;

    assert_int_equal(ccw_bstr_to_utf8(text, &out, NULL), S_OK);
    return out;
}

static IDispatch *create(const CLSID *clsid)
{
    IClassFactory *factory = NULL;
    IDispatch *disp = NULL;
    HRESULT hr = get_class_object(clsid, &IID_IClassFactory, (void **)&factory);

    if (hr == CLASS_E_CLASSNOTAVAILABLE)
        return NULL; /* noncreatable */
    assert_int_equal(hr, S_OK);
    assert_int_equal(IClassFactory_CreateInstance(factory, NULL, &IID_IDispatch, (void **)&disp),
                     S_OK);
    IClassFactory_Release(factory);
    return disp;
}

/* ---- Arguments made from a parameter's TYPEDESC ------------------------ */

typedef struct arguments {
    VARIANT rgvarg[CCW_DISPATCH_MAX_PARAMS];
    VARIANT outs[CCW_DISPATCH_MAX_PARAMS]; /* what [out] arguments point to */
    UINT count;
} arguments;

static void make_value(VARIANT *v, const TYPEDESC *desc)
{
    VariantInit(v);
    switch (desc->vt) {
    case VT_BOOL:
        V_VT(v) = VT_BOOL, V_BOOL(v) = VARIANT_TRUE;
        break;
    case VT_BSTR:
    case VT_SAFEARRAY: /* a BSTR's bytes stand for SAFEARRAY(BYTE) */
        V_VT(v) = VT_BSTR, V_BSTR(v) = SysAllocString(OLESTR("ab"));
        break;
    case VT_DISPATCH:
    case VT_UNKNOWN:
        V_VT(v) = VT_DISPATCH, V_DISPATCH(v) = NULL; /* Nothing */
        break;
    default:
        /* Every number; VariantChangeType narrows it. */
        V_VT(v) = VT_I4, V_I4(v) = 1;
        break;
    }
}

static void make_arguments(arguments *args, const FUNCDESC *desc)
{
    SHORT p;

    args->count = (UINT)desc->cParams;
    for (p = 0; p < desc->cParams; p++) {
        const ELEMDESC *param = &desc->lprgelemdescParam[p];
        VARIANT *v = &args->rgvarg[desc->cParams - 1 - p]; /* reverse order */

        if (param->tdesc.vt == VT_PTR) {
            /* [out] or [in, out]: a VBScript variable, VT_VARIANT|VT_BYREF. */
            make_value(&args->outs[p], param->tdesc.lptdesc);
            V_VT(v) = VT_VARIANT | VT_BYREF;
            V_VARIANTREF(v) = &args->outs[p];
        } else {
            make_value(v, &param->tdesc);
        }
    }
}

static void clear_arguments(arguments *args, const FUNCDESC *desc)
{
    SHORT p;

    for (p = 0; p < desc->cParams; p++) {
        VARIANT *v = &args->rgvarg[desc->cParams - 1 - p];

        if (V_VT(v) == (VT_VARIANT | VT_BYREF))
            VariantClear(&args->outs[p]);
        else
            VariantClear(v);
    }
}

/* ---- The walk ------------------------------------------------------------ */

static void check_names(IDispatch *disp, ITypeInfo *info, const FUNCDESC *desc)
{
    BSTR names[CCW_DISPATCH_MAX_PARAMS + 1];
    DISPID ids[CCW_DISPATCH_MAX_PARAMS + 1];
    UINT count = 0, i;

    assert_int_equal(ITypeInfo_GetNames(info, desc->memid, names, CCW_DISPATCH_MAX_PARAMS + 1,
                                        &count),
                     S_OK);
    assert_true(count >= 1);
    if (!(desc->wFuncFlags & FUNCFLAG_FHIDDEN)) {
        /* The member's name and, for a method, its parameters' names. */
        UINT asked = desc->invkind == INVOKE_FUNC ? count : 1;

        assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, asked, 0, ids), S_OK);
        assert_int_equal(ids[0], desc->memid);
        for (i = 1; i < asked; i++)
            assert_int_equal(ids[i], (DISPID)(i - 1));
    }
    for (i = 0; i < count; i++)
        SysFreeString(names[i]);
}

static void call_function(IDispatch *disp, const FUNCDESC *desc)
{
    arguments args;
    DISPID put = DISPID_PROPERTYPUT;
    DISPPARAMS params = { args.rgvarg, NULL, 0, 0 };
    VARIANT result;
    EXCEPINFO excepinfo;
    UINT arg_err = 0;
    WORD flags = DISPATCH_METHOD | DISPATCH_PROPERTYGET;
    HRESULT hr;

    make_arguments(&args, desc);
    params.cArgs = args.count;
    if (desc->invkind & (INVOKE_PROPERTYPUT | INVOKE_PROPERTYPUTREF)) {
        params.rgdispidNamedArgs = &put;
        params.cNamedArgs = 1;
        flags = (WORD)desc->invkind;
    }
    VariantInit(&result);
    memset(&excepinfo, 0, sizeof(excepinfo));
    hr = IDispatch_Invoke(disp, desc->memid, &IID_NULL, 0, flags, &params, &result, &excepinfo,
                          &arg_err);
    /* A member may fail by design (bad UTF-8, errno), but only as an
     * exception with its EXCEPINFO filled. */
    if (hr == DISP_E_EXCEPTION) {
        assert_true(FAILED(excepinfo.scode));
        assert_non_null(excepinfo.bstrSource);
        exceptions_seen++;
    } else if (hr != S_OK) {
        fail_msg("member %ld: hr 0x%08x", (long)desc->memid, (unsigned)hr);
    }
    if (hr == S_OK && desc->invkind == INVOKE_PROPERTYGET)
        assert_int_not_equal(V_VT(&result), VT_EMPTY);
    functions_called++;
    VariantClear(&result);
    SysFreeString(excepinfo.bstrSource);
    SysFreeString(excepinfo.bstrDescription);
    SysFreeString(excepinfo.bstrHelpFile);
    clear_arguments(&args, desc);
}

/* Errors any client can provoke, whatever the interface. */
static void check_errors(IDispatch *disp, const TYPEATTR *attr, ITypeInfo *info)
{
    DISPPARAMS none = { NULL, NULL, 0, 0 };
    VARIANT many[CCW_DISPATCH_MAX_PARAMS + 1], result;
    DISPPARAMS too_many = { many, NULL, CCW_DISPATCH_MAX_PARAMS + 1, 0 };
    OLECHAR unknown[] = u"NoSuchMemberAnywhere";
    LPOLESTR names[1] = { unknown };
    DISPID id = 0;
    UINT i;

    VariantInit(&result);
    assert_int_equal(IDispatch_Invoke(disp, 0x7654321, &IID_NULL, 0, DISPATCH_METHOD, &none,
                                      &result, NULL, NULL),
                     DISP_E_MEMBERNOTFOUND);
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, &id),
                     DISP_E_UNKNOWNNAME);
    assert_int_equal(id, DISPID_UNKNOWN);
    assert_int_equal(IDispatch_Invoke(disp, 0, &IID_IUnknown, 0, DISPATCH_METHOD, &none, &result,
                                      NULL, NULL),
                     DISP_E_UNKNOWNINTERFACE);
    for (i = 0; i <= CCW_DISPATCH_MAX_PARAMS; i++)
        V_VT(&many[i]) = VT_I4, V_I4(&many[i]) = 0;
    for (i = 0; i < attr->cFuncs; i++) {
        FUNCDESC *desc;

        assert_int_equal(ITypeInfo_GetFuncDesc(info, i, &desc), S_OK);
        if (desc->invkind == INVOKE_FUNC)
            assert_int_equal(IDispatch_Invoke(disp, desc->memid, &IID_NULL, 0, DISPATCH_METHOD,
                                              &too_many, &result, NULL, NULL),
                             DISP_E_BADPARAMCOUNT);
        ITypeInfo_ReleaseFuncDesc(info, desc);
    }
}

static void walk_interface(IDispatch *disp, ITypeInfo *info)
{
    TYPEATTR *attr, *vtable_attr;
    ITypeInfo *vtable = NULL;
    HREFTYPE ref;
    BSTR name = NULL;
    char *text;
    UINT i;

    assert_int_equal(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    assert_int_equal(attr->typekind, TKIND_DISPATCH);
    assert_int_equal(attr->wTypeFlags & (TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE),
                     TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE);
    assert_int_equal(ITypeInfo_GetDocumentation(info, MEMBERID_NIL, &name, NULL, NULL, NULL),
                     S_OK);
    text = utf8_of(name);
    assert_true(text[0] != '\0');
    ccw_string_free(text);
    SysFreeString(name);

    /* The vtable half describes the same methods. */
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(info, (UINT)-1, &ref), S_OK);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(info, ref, &vtable), S_OK);
    assert_int_equal(ITypeInfo_GetTypeAttr(vtable, &vtable_attr), S_OK);
    assert_int_equal(vtable_attr->typekind, TKIND_INTERFACE);
    assert_true(IsEqualGUID(&vtable_attr->guid, &attr->guid));
    assert_int_equal(vtable_attr->cFuncs, attr->cFuncs);
    assert_int_equal(vtable_attr->cbSizeVft, (7 + attr->cFuncs) * sizeof(void *));
    ITypeInfo_ReleaseTypeAttr(vtable, vtable_attr);
    ITypeInfo_Release(vtable);

    for (i = 0; i < attr->cFuncs; i++) {
        FUNCDESC *desc;

        assert_int_equal(ITypeInfo_GetFuncDesc(info, i, &desc), S_OK);
        assert_int_equal(desc->funckind, FUNC_DISPATCH);
        assert_int_equal(desc->oVft, (7 + i) * sizeof(void *));
        check_names(disp, info, desc);
        call_function(disp, desc);
        ITypeInfo_ReleaseFuncDesc(info, desc);
    }
    check_errors(disp, attr, info);
    interfaces_walked++;
    ITypeInfo_ReleaseTypeAttr(info, attr);
}

static void walk_class(ITypeLib *lib, UINT index)
{
    ITypeInfo *coclass;
    TYPEATTR *attr;
    IDispatch *object;
    UINT i;

    assert_int_equal(ITypeLib_GetTypeInfo(lib, index, &coclass), S_OK);
    assert_int_equal(ITypeInfo_GetTypeAttr(coclass, &attr), S_OK);
    object = create(&attr->guid);
    assert_true(object != NULL || !(attr->wTypeFlags & TYPEFLAG_FCANCREATE));
    for (i = 0; object && i < attr->cImplTypes; i++) {
        HREFTYPE ref;
        ITypeInfo *iface;
        TYPEATTR *iface_attr;
        IDispatch *disp = NULL;

        assert_int_equal(ITypeInfo_GetRefTypeOfImplType(coclass, i, &ref), S_OK);
        assert_int_equal(ITypeInfo_GetRefTypeInfo(coclass, ref, &iface), S_OK);
        assert_int_equal(ITypeInfo_GetTypeAttr(iface, &iface_attr), S_OK);
        /* A dual interface pointer is an IDispatch of its own. */
        if (iface_attr->typekind == TKIND_DISPATCH) {
            assert_int_equal(IDispatch_QueryInterface(object, &iface_attr->guid, (void **)&disp),
                             S_OK);
            walk_interface(disp, iface);
            IDispatch_Release(disp);
        }
        ITypeInfo_ReleaseTypeAttr(iface, iface_attr);
        ITypeInfo_Release(iface);
    }
    if (object)
        IDispatch_Release(object);
    ITypeInfo_ReleaseTypeAttr(coclass, attr);
    ITypeInfo_Release(coclass);
}

static void test_walk_every_member(void **state)
{
    IDispatch *first = create(&first_clsid);
    ITypeInfo *info;
    ITypeLib *lib;
    UINT index, i, count;
    TYPEKIND kind;

    (void)state;
    assert_non_null(first);
    assert_int_equal(IDispatch_GetTypeInfoCount(first, &count), S_OK);
    assert_int_equal(count, 1);
    assert_int_equal(IDispatch_GetTypeInfo(first, 0, 0, &info), S_OK);
    assert_int_equal(ITypeInfo_GetContainingTypeLib(info, &lib, &index), S_OK);
    count = ITypeLib_GetTypeInfoCount(lib);
    for (i = 0; i < count; i++) {
        assert_int_equal(ITypeLib_GetTypeInfoType(lib, i, &kind), S_OK);
        if (kind == TKIND_COCLASS)
            walk_class(lib, i);
    }
    ITypeLib_Release(lib);
    ITypeInfo_Release(info);
    IDispatch_Release(first);
    printf("walked %u interfaces, called %u functions (%u exceptions)\n", interfaces_walked,
           functions_called, exceptions_seen);
    assert_true(interfaces_walked >= 1);
    assert_true(functions_called >= 3);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walk_every_member),
    };
    BSTR text = NULL;

    if (argc != 3 || FAILED(ccw_bstr_from_utf8(argv[2], CCW_NUL_TERMINATED, &text)) ||
        FAILED(CLSIDFromString(text, &first_clsid))) {
        fprintf(stderr, "usage: dispatch_walk COMPONENT.so {CLSID}\n");
        SysFreeString(text);
        return 2;
    }
    SysFreeString(text);
    component_path = argv[1];
    return cmocka_run_group_tests(tests, load_component, unload_component);
}
