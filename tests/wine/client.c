/*
 * client.c - a Windows client of the Wine suite's components, run under
 * Wine after `regsvr32` registered them:
 *
 *   wine_client.exe check COUNTER.TLB ARITH.TLB
 *       activates both classes by ProgID through ole32 and the registry;
 *       loads the type libraries `widl -t` built from the generated IDL with
 *       LoadTypeLib, and checks every function they describe against the
 *       live object (the same DISPID from GetIDsOfNames, the same kind,
 *       parameter count and result type in the object's own ITypeInfo);
 *       then drives INamed, the interface scripts cannot reach (they only
 *       see the default one), through its vtable and through IDispatch,
 *       error paths included.
 *   wine_client.exe strerror N
 *       prints the C runtime's text for errno N: the description a
 *       component's errno failure carries (the scripts expect it).
 *
 * Prints one line per failed check, and "wine_client: all checks passed"
 * (exit status 0) only when none failed.
 */
#define COBJMACROS
#include <ccw/com.h>

#include <initguid.h> /* the generated headers' DEFINE_GUIDs define the GUIDs here */

#include "arith_ccw.h"
#include "counter_ccw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int failures;

static void check(bool ok, const char *what, HRESULT hr)
{
    if (!ok) {
        printf("FAIL: %s (hr 0x%08lx)\n", what, (unsigned long)hr);
        failures++;
    }
}

/* A function of widl's type library against the object: the DISPID its
 * name resolves to, and the object's own description of that DISPID. */
static void check_function(ITypeInfo *widl_info, const FUNCDESC *widl_func, IDispatch *object,
                           ITypeInfo *own_info, const char *iface)
{
    BSTR name = NULL;
    UINT count = 0;
    DISPID dispid = DISPID_UNKNOWN;
    TYPEATTR *attr = NULL;
    bool described = false;
    char what[160];
    HRESULT hr;
    WORD i;

    hr = ITypeInfo_GetNames(widl_info, widl_func->memid, &name, 1, &count);
    check(SUCCEEDED(hr) && count == 1, "widl's ITypeInfo::GetNames", hr);
    if (FAILED(hr) || count != 1)
        return;
    snprintf(what, sizeof(what), "%s.%ls: GetIDsOfNames gives widl's DISPID %ld", iface, name,
             (long)widl_func->memid);
    hr = IDispatch_GetIDsOfNames(object, &IID_NULL, &name, 1, LOCALE_USER_DEFAULT, &dispid);
    check(hr == S_OK && dispid == widl_func->memid, what, hr);

    hr = ITypeInfo_GetTypeAttr(own_info, &attr);
    check(SUCCEEDED(hr), "the object's ITypeInfo::GetTypeAttr", hr);
    for (i = 0; SUCCEEDED(hr) && i < attr->cFuncs; i++) {
        FUNCDESC *own = NULL;

        if (FAILED(ITypeInfo_GetFuncDesc(own_info, i, &own)))
            continue;
        if (own->memid == widl_func->memid && own->invkind == widl_func->invkind) {
            described = true;
            snprintf(what, sizeof(what), "%s.%ls (invkind %d): parameters and result as widl's",
                     iface, name, (int)own->invkind);
            check(own->cParams == widl_func->cParams &&
                      own->cParamsOpt == widl_func->cParamsOpt &&
                      own->elemdescFunc.tdesc.vt == widl_func->elemdescFunc.tdesc.vt,
                  what, S_OK);
        }
        ITypeInfo_ReleaseFuncDesc(own_info, own);
    }
    if (attr)
        ITypeInfo_ReleaseTypeAttr(own_info, attr);
    snprintf(what, sizeof(what), "%s.%ls (invkind %d) is in the object's ITypeInfo", iface, name,
             (int)widl_func->invkind);
    check(described, what, S_OK);
    SysFreeString(name);
}

/* Every function widl's type library describes for iid, against the object. */
static void check_interface(ITypeLib *library, IUnknown *object, REFIID iid, const char *iface)
{
    ITypeInfo *widl_info = NULL, *own_info = NULL;
    IDispatch *dispatch = NULL;
    TYPEATTR *attr = NULL;
    int checked = 0;
    char what[160];
    HRESULT hr;
    WORD i;

    snprintf(what, sizeof(what), "%s: widl's type library describes it", iface);
    hr = ITypeLib_GetTypeInfoOfGuid(library, iid, &widl_info);
    check(SUCCEEDED(hr), what, hr);
    snprintf(what, sizeof(what), "%s: the object answers QueryInterface", iface);
    if (SUCCEEDED(hr)) {
        hr = IUnknown_QueryInterface(object, iid, (void **)&dispatch);
        check(SUCCEEDED(hr), what, hr);
    }
    if (SUCCEEDED(hr)) {
        hr = IDispatch_GetTypeInfo(dispatch, 0, LOCALE_USER_DEFAULT, &own_info);
        check(SUCCEEDED(hr), "IDispatch::GetTypeInfo(0)", hr);
    }
    if (SUCCEEDED(hr)) {
        hr = ITypeInfo_GetTypeAttr(widl_info, &attr);
        check(SUCCEEDED(hr) && attr->typekind == TKIND_DISPATCH,
              "widl's type info of a dual interface is TKIND_DISPATCH", hr);
    }
    for (i = 0; SUCCEEDED(hr) && i < attr->cFuncs; i++) {
        FUNCDESC *func = NULL;

        hr = ITypeInfo_GetFuncDesc(widl_info, i, &func);
        check(SUCCEEDED(hr), "widl's ITypeInfo::GetFuncDesc", hr);
        if (FAILED(hr))
            break;
        /* IUnknown's and IDispatch's own functions are restricted. */
        if (!(func->wFuncFlags & FUNCFLAG_FRESTRICTED)) {
            check_function(widl_info, func, dispatch, own_info, iface);
            checked++;
        }
        ITypeInfo_ReleaseFuncDesc(widl_info, func);
    }
    snprintf(what, sizeof(what), "%s: widl's type library has its functions", iface);
    check(checked > 0, what, S_OK);
    if (attr)
        ITypeInfo_ReleaseTypeAttr(widl_info, attr);
    if (own_info)
        ITypeInfo_Release(own_info);
    if (widl_info)
        ITypeInfo_Release(widl_info);
    if (dispatch)
        IDispatch_Release(dispatch);
}

/* Activates progid through the registry and checks it against the type
 * library file tlb: its coclass and every interface in ifaces. */
static void check_component(const wchar_t *tlb, const wchar_t *progid, REFCLSID clsid,
                            const IID *const *iids, const char *const *names, size_t count)
{
    ITypeLib *library = NULL;
    ITypeInfo *coclass = NULL;
    TYPEATTR *attr = NULL;
    IUnknown *object = NULL;
    CLSID found;
    char what[160];
    HRESULT hr;
    size_t i;

    snprintf(what, sizeof(what), "CLSIDFromProgID(%ls) gives the registered CLSID", progid);
    hr = CLSIDFromProgID(progid, &found);
    check(hr == S_OK && IsEqualCLSID(&found, clsid), what, hr);
    snprintf(what, sizeof(what), "CoCreateInstance(%ls)", progid);
    hr = CoCreateInstance(clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&object);
    check(SUCCEEDED(hr), what, hr);
    snprintf(what, sizeof(what), "LoadTypeLib(%ls)", tlb);
    if (SUCCEEDED(hr)) {
        hr = LoadTypeLib(tlb, &library);
        check(SUCCEEDED(hr), what, hr);
    }
    if (SUCCEEDED(hr)) {
        hr = ITypeLib_GetTypeInfoOfGuid(library, clsid, &coclass);
        check(SUCCEEDED(hr), "the type library has the coclass", hr);
    }
    if (SUCCEEDED(hr)) {
        hr = ITypeInfo_GetTypeAttr(coclass, &attr);
        check(SUCCEEDED(hr) && attr->typekind == TKIND_COCLASS && attr->cImplTypes == count,
              "the coclass implements the component's interfaces", hr);
    }
    for (i = 0; SUCCEEDED(hr) && i < count; i++)
        check_interface(library, object, iids[i], names[i]);
    if (attr)
        ITypeInfo_ReleaseTypeAttr(coclass, attr);
    if (coclass)
        ITypeInfo_Release(coclass);
    if (library)
        ITypeLib_Release(library);
    if (object)
        IUnknown_Release(object);
}

/* Invokes INamed's member dispid; the result and EXCEPINFO go to the caller. */
static HRESULT invoke(IDispatch *dispatch, const wchar_t *member, WORD flags, VARIANT *arg,
                      VARIANT *result, EXCEPINFO *excep)
{
    DISPID put = DISPID_PROPERTYPUT, dispid;
    DISPPARAMS params = { arg, NULL, arg ? 1 : 0, 0 };
    LPOLESTR name = (LPOLESTR)member;
    HRESULT hr;

    if (flags == DISPATCH_PROPERTYPUT) {
        params.rgdispidNamedArgs = &put;
        params.cNamedArgs = 1;
    }
    hr = IDispatch_GetIDsOfNames(dispatch, &IID_NULL, &name, 1, LOCALE_USER_DEFAULT, &dispid);
    if (FAILED(hr))
        return hr;
    memset(excep, 0, sizeof(*excep));
    return IDispatch_Invoke(dispatch, dispid, &IID_NULL, LOCALE_USER_DEFAULT, flags, &params,
                            result, excep, NULL);
}

/* The text strerror gives for errno err, as the component reports it. */
static void strerror_text(int err, char *out, size_t size)
{
    if (strerror_s(out, size, err) != 0)
        snprintf(out, size, "error %d", err);
}

/* INamed, through its vtable and through its own IDispatch. */
static void check_named(void)
{
    INamed *named = NULL;
    IDispatch *dispatch;
    IErrorInfo *info = NULL;
    BSTR text = NULL, source = NULL, description = NULL;
    VARIANT arg, result;
    EXCEPINFO excep;
    char expected[256];
    wchar_t wide[256];
    HRESULT hr;

    hr = CoCreateInstance(&CLSID_Counter, NULL, CLSCTX_INPROC_SERVER, &IID_INamed,
                          (void **)&named);
    check(SUCCEEDED(hr), "CoCreateInstance(Counter) for INamed", hr);
    if (FAILED(hr))
        return;
    strerror_text(EINVAL, expected, sizeof(expected));
    swprintf(wide, 256, L"%hs", expected);

    /* The vtable. */
    hr = INamed_get_Name(named, &text);
    check(hr == S_OK && text && wcscmp(text, L"counter") == 0, "INamed::get_Name (vtable)", hr);
    SysFreeString(text);
    text = SysAllocString(L"r\x00e9sum\x00e9 \xd83d\xde00");
    hr = INamed_put_Name(named, text);
    check(hr == S_OK, "INamed::put_Name with non-ASCII text (vtable)", hr);
    SysFreeString(text);
    text = NULL;
    hr = INamed_Describe(named, &text);
    check(hr == S_OK && text && wcscmp(text, L"r\x00e9sum\x00e9 \xd83d\xde00 = 0") == 0,
          "INamed::Describe (vtable) round-trips UTF-16 through UTF-8", hr);
    SysFreeString(text);
    text = SysAllocString(L"");
    hr = INamed_put_Name(named, text);
    SysFreeString(text);
    check(hr == E_INVALIDARG, "INamed::put_Name(\"\") fails with E_INVALIDARG (vtable)", hr);
    if (GetErrorInfo(0, &info) == S_OK && info) {
        IErrorInfo_GetSource(info, &source);
        IErrorInfo_GetDescription(info, &description);
        IErrorInfo_Release(info);
    }
    check(source && wcscmp(source, L"Example.Counter") == 0,
          "the failure's IErrorInfo source is the ProgID", S_OK);
    check(description && wcscmp(description, wide) == 0,
          "the failure's IErrorInfo description is strerror(EINVAL)", S_OK);
    SysFreeString(source);
    SysFreeString(description);

    /* INamed's own IDispatch slots (QueryInterface for IID_IDispatch gives
     * the default interface, ICounter). */
    dispatch = (IDispatch *)named;
    V_VT(&arg) = VT_BSTR;
    V_BSTR(&arg) = SysAllocString(L"widget");
    VariantInit(&result);
    hr = invoke(dispatch, L"name", DISPATCH_PROPERTYPUT, &arg, NULL, &excep);
    check(hr == S_OK, "INamed Name = \"widget\" (IDispatch)", hr);
    VariantClear(&arg);
    hr = invoke(dispatch, L"DESCRIBE", DISPATCH_METHOD | DISPATCH_PROPERTYGET, NULL, &result,
                &excep);
    check(hr == S_OK && V_VT(&result) == VT_BSTR && wcscmp(V_BSTR(&result), L"widget = 0") == 0,
          "INamed.Describe (IDispatch)", hr);
    VariantClear(&result);
    V_VT(&arg) = VT_I4;
    V_I4(&arg) = 42;
    hr = invoke(dispatch, L"Name", DISPATCH_PROPERTYPUT, &arg, NULL, &excep);
    check(hr == S_OK, "INamed Name = 42 is coerced to \"42\" (IDispatch)", hr);
    hr = invoke(dispatch, L"Name", DISPATCH_PROPERTYGET, NULL, &result, &excep);
    check(hr == S_OK && V_VT(&result) == VT_BSTR && wcscmp(V_BSTR(&result), L"42") == 0,
          "INamed.Name reads \"42\" (IDispatch)", hr);
    VariantClear(&result);
    V_VT(&arg) = VT_BSTR;
    V_BSTR(&arg) = SysAllocString(L"");
    hr = invoke(dispatch, L"Name", DISPATCH_PROPERTYPUT, &arg, NULL, &excep);
    VariantClear(&arg);
    check(hr == DISP_E_EXCEPTION && excep.scode == E_INVALIDARG,
          "INamed Name = \"\" raises DISP_E_EXCEPTION with E_INVALIDARG", hr);
    check(excep.bstrSource && wcscmp(excep.bstrSource, L"Example.Counter") == 0,
          "EXCEPINFO source is the ProgID", S_OK);
    check(excep.bstrDescription && wcscmp(excep.bstrDescription, wide) == 0,
          "EXCEPINFO description is strerror(EINVAL)", S_OK);
    SysFreeString(excep.bstrSource);
    SysFreeString(excep.bstrDescription);
    SysFreeString(excep.bstrHelpFile);
    hr = invoke(dispatch, L"Value", DISPATCH_PROPERTYGET, NULL, &result, &excep);
    check(hr == DISP_E_UNKNOWNNAME, "INamed does not answer ICounter's names", hr);
    INamed_Release(named);
}

static int usage(void)
{
    fprintf(stderr, "usage: wine_client.exe check COUNTER.TLB ARITH.TLB\n"
                    "       wine_client.exe strerror ERRNO\n");
    return 2;
}

int main(int argc, char **argv)
{
    static const IID *const counter_iids[] = { &IID_ICounter, &IID_INamed };
    static const char *const counter_names[] = { "ICounter", "INamed" };
    static const IID *const arith_iids[] = { &IID_IArith };
    static const char *const arith_names[] = { "IArith" };
    wchar_t counter_tlb[MAX_PATH], arith_tlb[MAX_PATH];
    char text[256];
    HRESULT hr;

    if (argc == 3 && strcmp(argv[1], "strerror") == 0) {
        strerror_text(atoi(argv[2]), text, sizeof(text));
        printf("%s\n", text);
        return 0;
    }
    if (argc != 4 || strcmp(argv[1], "check") != 0)
        return usage();
    if (!MultiByteToWideChar(CP_ACP, 0, argv[2], -1, counter_tlb, MAX_PATH) ||
        !MultiByteToWideChar(CP_ACP, 0, argv[3], -1, arith_tlb, MAX_PATH))
        return usage();

    hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    check(SUCCEEDED(hr), "CoInitializeEx", hr);
    check_component(counter_tlb, L"Example.Counter", &CLSID_Counter, counter_iids,
                    counter_names, 2);
    check_component(arith_tlb, L"WineTest.Arith", &CLSID_Arith, arith_iids, arith_names, 1);
    check_named();
    CoUninitialize();
    if (failures) {
        printf("wine_client: %d checks failed\n", failures);
        return 1;
    }
    printf("wine_client: all checks passed\n");
    return 0;
}
