/*
 * test_typeinfo.c - ITypeInfo and ITypeLib over the dispatch tables
 * (runtime/typeinfo.c), read through the hand-written ICalc of
 * dispatch_calc.c as a late-bound client reads them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dispatch_calc.h"

#include <string.h>

static int setup(void **state)
{
    (void)state;
    calc_setup();
    return 0;
}

static void assert_bstr_equal(BSTR text, const char *expected)
{
    char *actual = NULL;

    assert_int_equal(ccw_bstr_to_utf8(text, &actual, NULL), S_OK);
    assert_string_equal(actual, expected);
    ccw_string_free(actual);
}

static ITypeInfo *calc_type_info(IDispatch **disp_out)
{
    IDispatch *disp = calc_create();
    ITypeInfo *info = NULL;

    assert_int_equal(IDispatch_GetTypeInfo(disp, 0, LOCALE_USER_DEFAULT, &info), S_OK);
    assert_non_null(info);
    if (disp_out)
        *disp_out = disp;
    else
        IDispatch_Release(disp);
    return info;
}

static void test_get_type_info_errors(void **state)
{
    IDispatch *disp = calc_create();
    ITypeInfo *info = (ITypeInfo *)(void *)disp;

    (void)state;
    assert_int_equal(IDispatch_GetTypeInfo(disp, 1, 0, &info), DISP_E_BADINDEX);
    assert_null(info);
    assert_int_equal(IDispatch_GetTypeInfo(disp, 0, 0, NULL), E_INVALIDARG);
    assert_int_equal(ccw_dispatch_get_type_info(NULL, NULL, 0, &info), E_INVALIDARG);
    IDispatch_Release(disp);
}

static void test_type_info_holds_module_lock(void **state)
{
    ITypeInfo *info = calc_type_info(NULL);
    ITypeLib *lib = NULL;
    IUnknown *unknown = NULL;

    (void)state;
    /* The object is gone; its type information keeps the module loaded. */
    assert_int_equal(ccw_module_can_unload(&calc_module), S_FALSE);
    assert_int_equal(ITypeInfo_QueryInterface(info, &IID_IUnknown, (void **)&unknown), S_OK);
    assert_ptr_equal(unknown, info);
    IUnknown_Release(unknown);
    assert_int_equal(ITypeInfo_QueryInterface(info, &IID_IDispatch, (void **)&unknown),
                     E_NOINTERFACE);
    assert_null(unknown);
    assert_int_equal(ITypeInfo_GetContainingTypeLib(info, &lib, NULL), S_OK);
    ITypeInfo_Release(info);
    assert_int_equal(ccw_module_can_unload(&calc_module), S_FALSE);
    ITypeLib_Release(lib);
    assert_int_equal(ccw_module_can_unload(&calc_module), S_OK);
}

static void test_dispatch_half_attributes(void **state)
{
    ITypeInfo *info = calc_type_info(NULL);
    TYPEATTR *attr = NULL;

    (void)state;
    assert_int_equal(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    assert_true(IsEqualGUID(&attr->guid, &IID_ICalc));
    assert_int_equal(attr->typekind, TKIND_DISPATCH);
    assert_int_equal(attr->wTypeFlags, TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE);
    assert_int_equal(attr->cFuncs, 18);
    assert_int_equal(attr->cVars, 0);
    assert_int_equal(attr->cImplTypes, 1);
    assert_int_equal(attr->cbSizeVft, 7 * sizeof(void *));
    assert_int_equal(attr->wMajorVerNum, 1);
    assert_int_equal(attr->wMinorVerNum, 2);
    assert_int_equal(attr->memidConstructor, MEMBERID_NIL);
    ITypeInfo_ReleaseTypeAttr(info, attr);
    assert_int_equal(ITypeInfo_GetTypeAttr(info, NULL), E_INVALIDARG);
    ITypeInfo_Release(info);
}

static void test_dispatch_half_functions(void **state)
{
    ITypeInfo *info = calc_type_info(NULL);
    FUNCDESC *desc = NULL;

    (void)state;
    /* Add(a, b) -> LONG: the dispatch view returns the [retval]. */
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 2, &desc), S_OK);
    assert_int_equal(desc->memid, 1);
    assert_int_equal(desc->funckind, FUNC_DISPATCH);
    assert_int_equal(desc->invkind, INVOKE_FUNC);
    assert_int_equal(desc->callconv, CC_STDCALL);
    assert_int_equal(desc->cParams, 2);
    assert_int_equal(desc->cParamsOpt, 0);
    assert_int_equal(desc->oVft, 9 * sizeof(void *));
    assert_int_equal(desc->elemdescFunc.tdesc.vt, VT_I4);
    assert_int_equal(desc->lprgelemdescParam[0].tdesc.vt, VT_I4);
    assert_int_equal(desc->lprgelemdescParam[1].paramdesc.wParamFlags, PARAMFLAG_FIN);
    ITypeInfo_ReleaseFuncDesc(info, desc);

    /* Scale(x, [optional 2] factor) -> DOUBLE: a default value. */
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 4, &desc), S_OK);
    assert_int_equal(desc->elemdescFunc.tdesc.vt, VT_R8);
    assert_int_equal(desc->lprgelemdescParam[1].paramdesc.wParamFlags,
                     PARAMFLAG_FIN | PARAMFLAG_FOPT | PARAMFLAG_FHASDEFAULT);
    assert_non_null(desc->lprgelemdescParam[1].paramdesc.pparamdescex);
    assert_int_equal(V_VT(&desc->lprgelemdescParam[1].paramdesc.pparamdescex->varDefaultValue),
                     VT_I4);
    assert_int_equal(V_I4(&desc->lprgelemdescParam[1].paramdesc.pparamdescex->varDefaultValue), 2);
    ITypeInfo_ReleaseFuncDesc(info, desc);

    /* Concat's string default (freed by ReleaseFuncDesc). */
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 3, &desc), S_OK);
    assert_bstr_equal(
        V_BSTR(&desc->lprgelemdescParam[1].paramdesc.pparamdescex->varDefaultValue), "!");
    ITypeInfo_ReleaseFuncDesc(info, desc);

    /* Divide's [out] remainder is VT_PTR to VT_I4. */
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 5, &desc), S_OK);
    assert_int_equal(desc->cParams, 3);
    assert_int_equal(desc->lprgelemdescParam[2].tdesc.vt, VT_PTR);
    assert_int_equal(desc->lprgelemdescParam[2].tdesc.lptdesc->vt, VT_I4);
    assert_int_equal(desc->lprgelemdescParam[2].paramdesc.wParamFlags, PARAMFLAG_FOUT);
    ITypeInfo_ReleaseFuncDesc(info, desc);

    /* Sum's SAFEARRAY(BYTE), Defaults' optional VARIANT, the put of Value,
     * Fail's VT_VOID and Secret's FUNCFLAG_FHIDDEN. */
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 15, &desc), S_OK);
    assert_int_equal(desc->lprgelemdescParam[0].tdesc.vt, VT_SAFEARRAY);
    assert_int_equal(desc->lprgelemdescParam[0].tdesc.lptdesc->vt, VT_UI1);
    ITypeInfo_ReleaseFuncDesc(info, desc);
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 17, &desc), S_OK);
    assert_int_equal(desc->cParams, 4);
    assert_int_equal(desc->cParamsOpt, 1);
    assert_null(desc->lprgelemdescParam[3].paramdesc.pparamdescex);
    ITypeInfo_ReleaseFuncDesc(info, desc);
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 1, &desc), S_OK);
    assert_int_equal(desc->invkind, INVOKE_PROPERTYPUT);
    assert_int_equal(desc->memid, DISPID_VALUE);
    assert_int_equal(desc->elemdescFunc.tdesc.vt, VT_VOID);
    ITypeInfo_ReleaseFuncDesc(info, desc);
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 13, &desc), S_OK);
    assert_int_equal(desc->wFuncFlags, FUNCFLAG_FHIDDEN);
    ITypeInfo_ReleaseFuncDesc(info, desc);

    assert_int_equal(ITypeInfo_GetFuncDesc(info, 18, &desc), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetFuncDesc(info, 0, NULL), E_INVALIDARG);
    ITypeInfo_ReleaseFuncDesc(info, NULL);
    ITypeInfo_Release(info);
}

static void test_every_function_walks(void **state)
{
    ITypeInfo *info = calc_type_info(NULL);
    TYPEATTR *attr;
    UINT i;

    (void)state;
    assert_int_equal(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    for (i = 0; i < attr->cFuncs; i++) {
        FUNCDESC *desc;
        BSTR names[8];
        UINT count = 0, j;

        assert_int_equal(ITypeInfo_GetFuncDesc(info, i, &desc), S_OK);
        assert_int_equal(ITypeInfo_GetNames(info, desc->memid, names, 8, &count), S_OK);
        assert_int_equal(desc->memid, calc_dispatch.functions[i].dispid);
        assert_true(count >= 1);
        assert_bstr_equal(names[0], calc_dispatch.functions[i].name);
        for (j = 0; j < count; j++)
            SysFreeString(names[j]);
        ITypeInfo_ReleaseFuncDesc(info, desc);
    }
    ITypeInfo_ReleaseTypeAttr(info, attr);
    ITypeInfo_Release(info);
}

static void test_get_names(void **state)
{
    ITypeInfo *info = calc_type_info(NULL);
    BSTR names[4];
    UINT count = 99;

    (void)state;
    assert_int_equal(ITypeInfo_GetNames(info, 1, names, 4, &count), S_OK);
    assert_int_equal(count, 3);
    assert_bstr_equal(names[0], "Add");
    assert_bstr_equal(names[1], "a");
    assert_bstr_equal(names[2], "b");
    SysFreeString(names[0]), SysFreeString(names[1]), SysFreeString(names[2]);

    /* Fewer slots than names. */
    assert_int_equal(ITypeInfo_GetNames(info, 1, names, 2, &count), S_OK);
    assert_int_equal(count, 2);
    SysFreeString(names[0]), SysFreeString(names[1]);

    assert_int_equal(ITypeInfo_GetNames(info, 0, names, 4, &count), S_OK);
    assert_int_equal(count, 1);
    assert_bstr_equal(names[0], "Value");
    SysFreeString(names[0]);

    assert_int_equal(ITypeInfo_GetNames(info, 77, names, 4, &count), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetNames(info, 1, names, 4, NULL), E_INVALIDARG);
    assert_int_equal(ITypeInfo_GetNames(info, 1, NULL, 4, &count), E_INVALIDARG);
    ITypeInfo_Release(info);
}

static void test_get_documentation(void **state)
{
    ITypeInfo *info = calc_type_info(NULL);
    BSTR name = NULL, doc = NULL, file = (BSTR)OLESTR("x");
    DWORD context = 9;

    (void)state;
    /* MEMBERID_NIL: the interface, which VBScript's TypeName shows. */
    assert_int_equal(ITypeInfo_GetDocumentation(info, MEMBERID_NIL, &name, &doc, &context, &file),
                     S_OK);
    assert_bstr_equal(name, "ICalc");
    assert_bstr_equal(doc, "A calculator");
    assert_null(file);
    assert_int_equal(context, 0);
    SysFreeString(name), SysFreeString(doc);

    assert_int_equal(ITypeInfo_GetDocumentation(info, 1, &name, &doc, NULL, NULL), S_OK);
    assert_bstr_equal(name, "Add");
    assert_bstr_equal(doc, "Adds two numbers");
    SysFreeString(name), SysFreeString(doc);
    /* Name's help is on its put. */
    assert_int_equal(ITypeInfo_GetDocumentation(info, 7, NULL, &doc, NULL, NULL), S_OK);
    assert_bstr_equal(doc, "The calculator's name");
    SysFreeString(doc);
    assert_int_equal(ITypeInfo_GetDocumentation(info, 3, NULL, &doc, NULL, NULL), S_OK);
    assert_null(doc);
    assert_int_equal(ITypeInfo_GetDocumentation(info, 77, &name, NULL, NULL, NULL),
                     TYPE_E_ELEMENTNOTFOUND);
    ITypeInfo_Release(info);
}

static void test_type_info_ids_and_invoke(void **state)
{
    IDispatch *disp;
    ITypeInfo *info = calc_type_info(&disp);
    OLECHAR scale[] = u"SCALE", factor[] = u"Factor", nope[] = u"nope";
    LPOLESTR names[2] = { scale, factor };
    MEMBERID ids[2];
    VARIANT args[2], result;
    DISPPARAMS params = { args, NULL, 2, 0 };

    (void)state;
    assert_int_equal(ITypeInfo_GetIDsOfNames(info, names, 2, ids), S_OK);
    assert_int_equal(ids[0], 4);
    assert_int_equal(ids[1], 1);
    names[0] = nope;
    assert_int_equal(ITypeInfo_GetIDsOfNames(info, names, 1, ids), DISP_E_UNKNOWNNAME);
    assert_int_equal(ids[0], DISPID_UNKNOWN);

    V_VT(&args[1]) = VT_R8, V_R8(&args[1]) = 1.25;
    V_VT(&args[0]) = VT_I4, V_I4(&args[0]) = 4;
    VariantInit(&result);
    assert_int_equal(ITypeInfo_Invoke(info, disp, 4, DISPATCH_METHOD, &params, &result, NULL, NULL),
                     S_OK);
    assert_int_equal(V_VT(&result), VT_R8);
    assert_true(V_R8(&result) == 5.0);
    assert_int_equal(ITypeInfo_Invoke(info, NULL, 4, DISPATCH_METHOD, &params, &result, NULL, NULL),
                     E_INVALIDARG);
    assert_int_equal(ITypeInfo_Invoke(info, disp, 99, DISPATCH_METHOD, &params, &result, NULL,
                                      NULL),
                     DISP_E_MEMBERNOTFOUND);
    ITypeInfo_Release(info);
    IDispatch_Release(disp);
}

static void test_vtable_half(void **state)
{
    ITypeInfo *info = calc_type_info(NULL), *vtable = NULL, *base = (ITypeInfo *)1;
    HREFTYPE ref = 77;
    TYPEATTR *attr;
    FUNCDESC *desc;
    INT flags = 5;
    BSTR names[4];
    UINT count;

    (void)state;
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(info, (UINT)-1, &ref), S_OK);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(info, ref, &vtable), S_OK);
    assert_int_equal(ITypeInfo_GetTypeAttr(vtable, &attr), S_OK);
    assert_int_equal(attr->typekind, TKIND_INTERFACE);
    assert_true(IsEqualGUID(&attr->guid, &IID_ICalc));
    assert_true(attr->wTypeFlags & TYPEFLAG_FDUAL);
    assert_int_equal(attr->cFuncs, 18);
    assert_int_equal(attr->cbSizeVft, 25 * sizeof(void *));
    ITypeInfo_ReleaseTypeAttr(vtable, attr);

    /* The vtable returns HRESULT and lists the [retval]. */
    assert_int_equal(ITypeInfo_GetFuncDesc(vtable, 2, &desc), S_OK);
    assert_int_equal(desc->funckind, FUNC_PUREVIRTUAL);
    assert_int_equal(desc->elemdescFunc.tdesc.vt, VT_HRESULT);
    assert_int_equal(desc->cParams, 3);
    assert_int_equal(desc->lprgelemdescParam[2].paramdesc.wParamFlags,
                     PARAMFLAG_FOUT | PARAMFLAG_FRETVAL);
    ITypeInfo_ReleaseFuncDesc(vtable, desc);
    assert_int_equal(ITypeInfo_GetNames(vtable, 1, names, 4, &count), S_OK);
    assert_int_equal(count, 4);
    assert_bstr_equal(names[3], "result");
    while (count)
        SysFreeString(names[--count]);

    /* Its base is IDispatch, whose description is stdole's. */
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(vtable, 0, &ref), S_OK);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(vtable, ref, &base), E_NOTIMPL);
    assert_null(base);
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(vtable, (UINT)-1, &ref),
                     TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetImplTypeFlags(vtable, 0, &flags), S_OK);
    assert_int_equal(flags, 0);
    assert_int_equal(ITypeInfo_GetImplTypeFlags(vtable, 1, &flags), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(vtable, 0, &base), TYPE_E_ELEMENTNOTFOUND);
    ITypeInfo_Release(vtable);

    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(info, 0, &ref), S_OK);
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(info, 1, &ref), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(info, 0, NULL), E_INVALIDARG);
    assert_int_equal(ITypeInfo_GetImplTypeFlags(info, (UINT)-1, &flags), S_OK);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(info, 0x4242, &base), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(info, 0, NULL), E_INVALIDARG);
    ITypeInfo_Release(info);
}

static void test_not_implemented_members(void **state)
{
    ITypeInfo *info = calc_type_info(NULL);
    ITypeComp *comp = (ITypeComp *)1;
    VARDESC *var = NULL;
    void *pv = (void *)1;
    BSTR text = (BSTR)OLESTR("x");
    WORD ordinal;

    (void)state;
    assert_int_equal(ITypeInfo_GetTypeComp(info, &comp), E_NOTIMPL);
    assert_null(comp);
    assert_int_equal(ITypeInfo_GetVarDesc(info, 0, &var), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetVarDesc(info, 0, NULL), E_INVALIDARG);
    ITypeInfo_ReleaseVarDesc(info, NULL);
    assert_int_equal(ITypeInfo_GetDllEntry(info, 1, INVOKE_FUNC, NULL, NULL, &ordinal), E_NOTIMPL);
    assert_int_equal(ITypeInfo_AddressOfMember(info, 1, INVOKE_FUNC, &pv), E_NOTIMPL);
    assert_null(pv);
    pv = (void *)1;
    assert_int_equal(ITypeInfo_CreateInstance(info, NULL, &IID_IUnknown, &pv), E_NOTIMPL);
    assert_null(pv);
    assert_int_equal(ITypeInfo_GetMops(info, 1, &text), E_NOTIMPL);
    assert_null(text);
    ITypeInfo_Release(info);
}

static void test_type_lib(void **state)
{
    ITypeInfo *info = calc_type_info(NULL), *found = NULL, *iface = NULL;
    ITypeLib *lib = NULL, *other = NULL;
    UINT index = 9;
    TYPEKIND kind;
    TLIBATTR *attr;
    TYPEATTR *tattr;
    BSTR name = NULL, doc = NULL;
    HREFTYPE ref;
    INT flags;
    IUnknown *unknown;

    (void)state;
    assert_int_equal(ITypeInfo_GetContainingTypeLib(info, &lib, &index), S_OK);
    assert_int_equal(index, 0);
    assert_int_equal(ITypeInfo_GetContainingTypeLib(info, NULL, &index), E_INVALIDARG);
    assert_int_equal(ITypeLib_GetTypeInfoCount(lib), 3);
    assert_int_equal(ITypeLib_QueryInterface(lib, &IID_ITypeLib, (void **)&unknown), S_OK);
    IUnknown_Release(unknown);
    assert_int_equal(ITypeLib_QueryInterface(lib, &IID_ITypeInfo, (void **)&unknown),
                     E_NOINTERFACE);

    assert_int_equal(ITypeLib_GetTypeInfoType(lib, 0, &kind), S_OK);
    assert_int_equal(kind, TKIND_DISPATCH);
    assert_int_equal(ITypeLib_GetTypeInfoType(lib, 1, &kind), S_OK);
    assert_int_equal(kind, TKIND_INTERFACE);
    assert_int_equal(ITypeLib_GetTypeInfoType(lib, 2, &kind), S_OK);
    assert_int_equal(kind, TKIND_COCLASS);
    assert_int_equal(ITypeLib_GetTypeInfoType(lib, 3, &kind), TYPE_E_ELEMENTNOTFOUND);

    assert_int_equal(ITypeLib_GetLibAttr(lib, &attr), S_OK);
    assert_true(IsEqualGUID(&attr->guid, &LIBID_Calc));
    assert_int_equal(attr->wMajorVerNum, 1);
    assert_int_equal(attr->wMinorVerNum, 2);
    ITypeLib_ReleaseTLibAttr(lib, attr);

    assert_int_equal(ITypeLib_GetDocumentation(lib, -1, &name, &doc, NULL, NULL), S_OK);
    assert_bstr_equal(name, "CalcLib");
    assert_bstr_equal(doc, "The calculator library");
    SysFreeString(name), SysFreeString(doc);
    assert_int_equal(ITypeLib_GetDocumentation(lib, 1, &name, NULL, NULL, NULL), S_OK);
    assert_bstr_equal(name, "INote");
    SysFreeString(name);
    assert_int_equal(ITypeLib_GetDocumentation(lib, 2, &name, NULL, NULL, NULL), S_OK);
    assert_bstr_equal(name, "Calc");
    SysFreeString(name);
    assert_int_equal(ITypeLib_GetDocumentation(lib, 3, &name, NULL, NULL, NULL),
                     TYPE_E_ELEMENTNOTFOUND);

    /* By GUID: the interface, then the coclass and its interfaces. */
    assert_int_equal(ITypeLib_GetTypeInfoOfGuid(lib, &IID_INote, &found), S_OK);
    assert_int_equal(ITypeInfo_GetTypeAttr(found, &tattr), S_OK);
    assert_int_equal(tattr->typekind, TKIND_INTERFACE);
    assert_int_equal(tattr->cbSizeVft, 4 * sizeof(void *));
    ITypeInfo_ReleaseTypeAttr(found, tattr);
    assert_int_equal(ITypeInfo_Invoke(found, info, 1, DISPATCH_METHOD, NULL, NULL, NULL, NULL),
                     E_NOTIMPL);
    assert_int_equal(ITypeInfo_GetContainingTypeLib(found, &other, &index), S_OK);
    assert_int_equal(index, 1);
    ITypeLib_Release(other);
    ITypeInfo_Release(found);

    assert_int_equal(ITypeLib_GetTypeInfoOfGuid(lib, &CLSID_Calc, &found), S_OK);
    assert_int_equal(ITypeInfo_GetTypeAttr(found, &tattr), S_OK);
    assert_int_equal(tattr->typekind, TKIND_COCLASS);
    assert_int_equal(tattr->cImplTypes, 2);
    assert_int_equal(tattr->wTypeFlags, TYPEFLAG_FCANCREATE);
    ITypeInfo_ReleaseTypeAttr(found, tattr);
    assert_int_equal(ITypeInfo_GetDocumentation(found, MEMBERID_NIL, &name, NULL, NULL, NULL),
                     S_OK);
    assert_bstr_equal(name, "Calc");
    SysFreeString(name);
    assert_int_equal(ITypeInfo_GetImplTypeFlags(found, 0, &flags), S_OK);
    assert_int_equal(flags, IMPLTYPEFLAG_FDEFAULT);
    assert_int_equal(ITypeInfo_GetImplTypeFlags(found, 1, &flags), S_OK);
    assert_int_equal(flags, 0);
    assert_int_equal(ITypeInfo_GetImplTypeFlags(found, 2, &flags), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(found, 0, &ref), S_OK);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(found, ref, &iface), S_OK);
    assert_int_equal(ITypeInfo_GetTypeAttr(iface, &tattr), S_OK);
    assert_int_equal(tattr->typekind, TKIND_DISPATCH);
    ITypeInfo_ReleaseTypeAttr(iface, tattr);
    ITypeInfo_Release(iface);
    assert_int_equal(ITypeInfo_GetRefTypeOfImplType(found, 2, &ref), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetRefTypeInfo(found, 0x102, &iface), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetFuncDesc(found, 0, &(FUNCDESC *){ NULL }),
                     TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeInfo_GetIDsOfNames(found, NULL, 0, NULL), E_NOTIMPL);
    assert_int_equal(ITypeInfo_GetContainingTypeLib(found, &other, &index), S_OK);
    assert_int_equal(index, 2);
    ITypeLib_Release(other);
    ITypeInfo_Release(found);

    assert_int_equal(ITypeLib_GetTypeInfoOfGuid(lib, &IID_IUnknown, &found),
                     TYPE_E_ELEMENTNOTFOUND);
    assert_null(found);
    assert_int_equal(ITypeLib_GetTypeInfo(lib, 3, &found), TYPE_E_ELEMENTNOTFOUND);
    assert_int_equal(ITypeLib_GetTypeInfo(lib, 0, NULL), E_INVALIDARG);
    assert_int_equal(ITypeLib_GetTypeComp(lib, NULL), E_NOTIMPL);
    assert_int_equal(ITypeLib_IsName(lib, NULL, 0, NULL), E_NOTIMPL);
    assert_int_equal(ITypeLib_FindName(lib, NULL, 0, NULL, NULL, NULL), E_NOTIMPL);
    assert_int_equal(ccw_typelib_create(NULL, NULL, &other), E_INVALIDARG);
    assert_int_equal(ccw_typelib_create(&calc_typelib, NULL, NULL), E_INVALIDARG);
    ITypeLib_Release(lib);
    ITypeInfo_Release(info);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_type_info_errors),
        cmocka_unit_test(test_type_info_holds_module_lock),
        cmocka_unit_test(test_dispatch_half_attributes),
        cmocka_unit_test(test_dispatch_half_functions),
        cmocka_unit_test(test_every_function_walks),
        cmocka_unit_test(test_get_names),
        cmocka_unit_test(test_get_documentation),
        cmocka_unit_test(test_type_info_ids_and_invoke),
        cmocka_unit_test(test_vtable_half),
        cmocka_unit_test(test_not_implemented_members),
        cmocka_unit_test(test_type_lib),
    };

    return cmocka_run_group_tests(tests, setup, NULL);
}
