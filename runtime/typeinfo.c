/*
 * typeinfo.c - ITypeInfo and ITypeLib over the static tables the generator
 * emits (ccw_dispatch_table, ccw_typelib): what late-bound clients read to
 * browse a component, with no type library file.
 *
 * Three kinds of type information come from one table: the dispatch half of
 * a dual interface (TKIND_DISPATCH), its vtable half (TKIND_INTERFACE, also
 * what a custom interface is) and a coclass.  Every object is small, heap
 * allocated and holds a module lock, so a client keeping one keeps the
 * component loaded.  Members with nothing to report return E_NOTIMPL.
 *
 * Built on every platform: only the standard COM API is used here.
 */
#include "dispatch_private.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

enum info_kind { INFO_DISPATCH, INFO_INTERFACE, INFO_COCLASS };

/* Reference handles (HREFTYPE) this runtime hands out. */
#define HREF_VTABLE_HALF 0x0u     /* the interface half of the same table */
#define HREF_IDISPATCH 0x1u       /* the base of a dual interface */
#define HREF_IUNKNOWN 0x2u        /* the base of a custom interface */
#define HREF_CLASS_INTERFACE 0x100u /* + i: a coclass's i-th interface */

typedef struct type_info {
    ITypeInfo iface;
    ccw_atomic_ulong refs;
    enum info_kind kind;
    const ccw_dispatch_table *table;  /* INFO_DISPATCH, INFO_INTERFACE */
    const ccw_typelib_class *coclass; /* INFO_COCLASS */
    const ccw_typelib *library;       /* may be NULL */
    ccw_module *module;               /* may be NULL */
} type_info;

typedef struct type_lib {
    ITypeLib iface;
    ccw_atomic_ulong refs;
    const ccw_typelib *library;
    ccw_module *module;
} type_lib;

static const ITypeInfoVtbl type_info_vtbl;
static const ITypeLibVtbl type_lib_vtbl;

static type_info *info_from(ITypeInfo *iface)
{
    return (type_info *)(void *)iface;
}

static type_lib *lib_from(ITypeLib *iface)
{
    return (type_lib *)(void *)iface;
}

static BSTR bstr_from(const char *utf8)
{
    BSTR out = NULL;

    if (utf8)
        ccw_bstr_from_utf8(utf8, CCW_NUL_TERMINATED, &out);
    return out;
}

/* Set an optional BSTR output of GetDocumentation. */
static void put_text(BSTR *out, const char *utf8)
{
    if (out)
        *out = bstr_from(utf8);
}

static HRESULT create_info(enum info_kind kind, const ccw_dispatch_table *table,
                           const ccw_typelib_class *coclass, const ccw_typelib *library,
                           ccw_module *module, ITypeInfo **out)
{
    type_info *info = calloc(1, sizeof(*info));

    if (!info)
        return E_OUTOFMEMORY;
    info->iface.lpVtbl = &type_info_vtbl;
    atomic_init(&info->refs, 1);
    info->kind = kind;
    info->table = table;
    info->coclass = coclass;
    info->library = library;
    info->module = module;
    if (module)
        ccw_module_lock(module);
    *out = &info->iface;
    return S_OK;
}

/* The type information a library lists for an interface: the dispatch half
 * of a dual one, else its vtable. */
static HRESULT create_interface_info(const ccw_dispatch_table *table, ccw_module *module,
                                     ITypeInfo **out)
{
    return create_info(table->dual ? INFO_DISPATCH : INFO_INTERFACE, table, NULL, table->library,
                       module, out);
}

CCW_API HRESULT ccw_dispatch_get_type_info(const ccw_dispatch_table *table, ccw_module *module,
                                           UINT index, ITypeInfo **out)
{
    if (!table || !out)
        return E_INVALIDARG;
    *out = NULL;
    if (index != 0)
        return DISP_E_BADINDEX;
    return create_interface_info(table, module, out);
}

/* ---- ITypeInfo: IUnknown ------------------------------------------------ */

static HRESULT STDMETHODCALLTYPE info_query_interface(ITypeInfo *This, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_ITypeInfo)) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    ITypeInfo_AddRef(This);
    *ppv = This;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE info_add_ref(ITypeInfo *This)
{
    return atomic_fetch_add(&info_from(This)->refs, 1) + 1;
}

static ULONG STDMETHODCALLTYPE info_release(ITypeInfo *This)
{
    type_info *info = info_from(This);
    ULONG left = atomic_fetch_sub(&info->refs, 1) - 1;

    if (left == 0) {
        ccw_module *module = info->module;

        free(info);
        if (module)
            ccw_module_unlock(module);
    }
    return left;
}

/* ---- ITypeInfo: attributes ------------------------------------------- */

static USHORT function_count(const type_info *info)
{
    return info->kind == INFO_COCLASS ? 0 : info->table->function_count;
}

/* Bytes of the vtable: one pointer per slot up to the last method's. */
static WORD vtable_size(const type_info *info)
{
    const ccw_dispatch_table *table = info->table;
    unsigned slots = table->dual ? 7 : 3;
    USHORT i;

    if (info->kind == INFO_DISPATCH)
        return (WORD)(7 * sizeof(void *));
    for (i = 0; i < table->function_count; i++) {
        if (table->functions[i].slot + 1u > slots)
            slots = table->functions[i].slot + 1u;
    }
    return (WORD)(slots * sizeof(void *));
}

static HRESULT STDMETHODCALLTYPE info_get_type_attr(ITypeInfo *This, TYPEATTR **ppTypeAttr)
{
    const type_info *info = info_from(This);
    TYPEATTR *attr;

    if (!ppTypeAttr)
        return E_INVALIDARG;
    attr = calloc(1, sizeof(*attr));
    if (!attr)
        return E_OUTOFMEMORY;
    attr->memidConstructor = MEMBERID_NIL;
    attr->memidDestructor = MEMBERID_NIL;
    attr->cbSizeInstance = sizeof(void *);
    attr->cbAlignment = sizeof(void *);
    attr->tdescAlias.vt = VT_EMPTY;
    if (info->library) {
        attr->wMajorVerNum = info->library->version_major;
        attr->wMinorVerNum = info->library->version_minor;
    }
    switch (info->kind) {
    case INFO_DISPATCH:
        attr->guid = *info->table->iid;
        attr->typekind = TKIND_DISPATCH;
        attr->cFuncs = info->table->function_count;
        attr->cImplTypes = 1;
        attr->cbSizeVft = vtable_size(info);
        attr->wTypeFlags = TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE;
        break;
    case INFO_INTERFACE:
        attr->guid = *info->table->iid;
        attr->typekind = TKIND_INTERFACE;
        attr->cFuncs = info->table->function_count;
        attr->cImplTypes = 1;
        attr->cbSizeVft = vtable_size(info);
        if (info->table->dual)
            attr->wTypeFlags = TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE | TYPEFLAG_FOLEAUTOMATION;
        break;
    case INFO_COCLASS:
        attr->guid = *info->coclass->clsid;
        attr->typekind = TKIND_COCLASS;
        attr->cImplTypes = info->coclass->interface_count;
        if (info->coclass->creatable)
            attr->wTypeFlags = TYPEFLAG_FCANCREATE;
        break;
    }
    *ppTypeAttr = attr;
    return S_OK;
}

static void STDMETHODCALLTYPE info_release_type_attr(ITypeInfo *This, TYPEATTR *pTypeAttr)
{
    (void)This;
    free(pTypeAttr);
}

/* ---- ITypeInfo: functions ------------------------------------------------ */

/* A FUNCDESC and everything it points to, in one allocation. */
typedef struct funcdesc_block {
    FUNCDESC desc;
    ELEMDESC params[CCW_DISPATCH_MAX_PARAMS];
    TYPEDESC pointees[CCW_DISPATCH_MAX_PARAMS + 1][2]; /* [i][0] *param, [i][1] array element */
    PARAMDESCEX defaults[CCW_DISPATCH_MAX_PARAMS];
} funcdesc_block;

/* The TYPEDESC of a value of VARIANT type vt; an array's element type goes
 * to `element`. */
static void describe_value(TYPEDESC *out, VARTYPE vt, TYPEDESC *element)
{
    if (vt & VT_ARRAY) {
        element->vt = vt & (VARTYPE)~VT_ARRAY;
        out->vt = VT_SAFEARRAY;
        out->lptdesc = element;
    } else {
        out->vt = vt;
    }
}

/* A parameter passed by pointer ([out], [in, out], [retval]) is VT_PTR to
 * its value. */
static void describe_param(TYPEDESC *out, const ccw_dispatch_param *param, TYPEDESC levels[2])
{
    if (param->flags & PARAMFLAG_FOUT) {
        describe_value(&levels[0], param->vt, &levels[1]);
        out->vt = VT_PTR;
        out->lptdesc = &levels[0];
    } else {
        describe_value(out, param->vt, &levels[1]);
    }
}

static bool has_retval(const ccw_dispatch_function *fn)
{
    return fn->param_count && (fn->params[fn->param_count - 1].flags & PARAMFLAG_FRETVAL);
}

static HRESULT STDMETHODCALLTYPE info_get_func_desc(ITypeInfo *This, UINT index,
                                                    FUNCDESC **ppFuncDesc)
{
    const type_info *info = info_from(This);
    const ccw_dispatch_function *fn;
    funcdesc_block *block;
    bool dispatch_view = info->kind == INFO_DISPATCH;
    USHORT count, i;

    if (!ppFuncDesc)
        return E_INVALIDARG;
    if (index >= function_count(info))
        return TYPE_E_ELEMENTNOTFOUND;
    fn = &info->table->functions[index];
    if (fn->param_count > CCW_DISPATCH_MAX_PARAMS)
        return E_UNEXPECTED;
    block = calloc(1, sizeof(*block));
    if (!block)
        return E_OUTOFMEMORY;
    /* The dispatch view returns the [retval]; the vtable returns HRESULT. */
    count = dispatch_view && has_retval(fn) ? (USHORT)(fn->param_count - 1) : fn->param_count;
    for (i = 0; i < count; i++) {
        const ccw_dispatch_param *param = &fn->params[i];
        PARAMDESC *desc = &block->params[i].paramdesc;

        describe_param(&block->params[i].tdesc, param, block->pointees[i]);
        desc->wParamFlags = param->flags;
        if ((param->flags & PARAMFLAG_FOPT) && param->vt != VT_VARIANT && !param->iid &&
            SUCCEEDED(dispatch_default_value(&block->defaults[i].varDefaultValue, param))) {
            block->defaults[i].cBytes = sizeof(PARAMDESCEX);
            desc->pparamdescex = &block->defaults[i];
            desc->wParamFlags |= PARAMFLAG_FHASDEFAULT;
        } else if (param->flags & PARAMFLAG_FOPT) {
            block->desc.cParamsOpt++;
        }
    }
    block->desc.memid = fn->dispid;
    block->desc.lprgelemdescParam = count ? block->params : NULL;
    block->desc.funckind = dispatch_view ? FUNC_DISPATCH : FUNC_PUREVIRTUAL;
    block->desc.invkind = fn->invkind;
    block->desc.callconv = CC_STDCALL;
    block->desc.cParams = (SHORT)count;
    block->desc.oVft = (SHORT)(fn->slot * sizeof(void *));
    block->desc.wFuncFlags = fn->flags;
    if (!dispatch_view)
        block->desc.elemdescFunc.tdesc.vt = VT_HRESULT;
    else if (has_retval(fn))
        describe_value(&block->desc.elemdescFunc.tdesc, fn->params[count].vt,
                       &block->pointees[CCW_DISPATCH_MAX_PARAMS][1]);
    else
        block->desc.elemdescFunc.tdesc.vt = VT_VOID;
    *ppFuncDesc = &block->desc;
    return S_OK;
}

static void STDMETHODCALLTYPE info_release_func_desc(ITypeInfo *This, FUNCDESC *pFuncDesc)
{
    funcdesc_block *block = (funcdesc_block *)(void *)pFuncDesc;
    SHORT i;

    (void)This;
    if (!block)
        return;
    for (i = 0; i < pFuncDesc->cParams; i++) {
        if (block->params[i].paramdesc.pparamdescex)
            VariantClear(&block->defaults[i].varDefaultValue);
    }
    free(block);
}

static HRESULT STDMETHODCALLTYPE info_get_var_desc(ITypeInfo *This, UINT index,
                                                   VARDESC **ppVarDesc)
{
    (void)This, (void)index;
    if (!ppVarDesc)
        return E_INVALIDARG;
    return TYPE_E_ELEMENTNOTFOUND; /* interfaces and coclasses have no variables */
}

static void STDMETHODCALLTYPE info_release_var_desc(ITypeInfo *This, VARDESC *pVarDesc)
{
    (void)This, (void)pVarDesc;
}

/* The first function (vtable order) with this DISPID. */
static const ccw_dispatch_function *first_function(const type_info *info, MEMBERID memid)
{
    USHORT i;

    for (i = 0; i < function_count(info); i++) {
        if (info->table->functions[i].dispid == memid)
            return &info->table->functions[i];
    }
    return NULL;
}

static HRESULT STDMETHODCALLTYPE info_get_names(ITypeInfo *This, MEMBERID memid,
                                                BSTR *rgBstrNames, UINT cMaxNames,
                                                UINT *pcNames)
{
    const type_info *info = info_from(This);
    const ccw_dispatch_function *fn;
    UINT count, i;

    if (!rgBstrNames || !pcNames)
        return E_INVALIDARG;
    fn = first_function(info, memid);
    if (!fn)
        return TYPE_E_ELEMENTNOTFOUND;
    /* The member, then its parameters as a caller names them: no [retval]
     * in the dispatch view, and no name for a put's value. */
    count = fn->param_count;
    if (info->kind == INFO_DISPATCH && has_retval(fn))
        count--;
    if (fn->invkind & (INVOKE_PROPERTYPUT | INVOKE_PROPERTYPUTREF))
        count = 0;
    *pcNames = 0;
    for (i = 0; i <= count && i < cMaxNames; i++) {
        rgBstrNames[i] = bstr_from(i == 0 ? fn->name : fn->params[i - 1].name);
        *pcNames = i + 1;
    }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE info_get_ids_of_names(ITypeInfo *This, LPOLESTR *rgszNames,
                                                       UINT cNames, MEMBERID *pMemId)
{
    const type_info *info = info_from(This);

    if (info->kind == INFO_COCLASS)
        return E_NOTIMPL;
    return ccw_dispatch_get_ids_of_names(info->table, &IID_NULL, rgszNames, cNames, pMemId);
}

static HRESULT STDMETHODCALLTYPE info_invoke(ITypeInfo *This, PVOID pvInstance, MEMBERID memid,
                                             WORD wFlags, DISPPARAMS *pDispParams,
                                             VARIANT *pVarResult, EXCEPINFO *pExcepInfo,
                                             UINT *puArgErr)
{
    const type_info *info = info_from(This);
    IDispatch *instance = pvInstance;

    if (info->kind == INFO_COCLASS || !info->table->dual)
        return E_NOTIMPL;
    if (!instance)
        return E_INVALIDARG;
    /* The instance is this dual interface: its own Invoke is the typed one. */
    return IDispatch_Invoke(instance, memid, &IID_NULL, 0, wFlags, pDispParams, pVarResult,
                            pExcepInfo, puArgErr);
}

static HRESULT STDMETHODCALLTYPE info_get_documentation(ITypeInfo *This, MEMBERID memid,
                                                        BSTR *pBstrName, BSTR *pBstrDocString,
                                                        DWORD *pdwHelpContext,
                                                        BSTR *pBstrHelpFile)
{
    const type_info *info = info_from(This);
    const char *name, *help;

    if (memid == MEMBERID_NIL) {
        name = info->kind == INFO_COCLASS ? info->coclass->name : info->table->name;
        help = info->kind == INFO_COCLASS ? info->coclass->help : info->table->help;
    } else {
        const ccw_dispatch_function *fn = first_function(info, memid);
        USHORT i;

        if (!fn)
            return TYPE_E_ELEMENTNOTFOUND;
        name = fn->name;
        help = fn->help;
        /* A property documented on its put only. */
        for (i = (USHORT)(fn - info->table->functions); !help && i < function_count(info); i++) {
            if (info->table->functions[i].dispid == memid)
                help = info->table->functions[i].help;
        }
    }
    put_text(pBstrName, name);
    put_text(pBstrDocString, help);
    put_text(pBstrHelpFile, NULL);
    if (pdwHelpContext)
        *pdwHelpContext = 0;
    return S_OK;
}

/* ---- ITypeInfo: related types ------------------------------------------ */

static HRESULT STDMETHODCALLTYPE info_get_ref_type_of_impl_type(ITypeInfo *This, UINT index,
                                                                HREFTYPE *pRefType)
{
    const type_info *info = info_from(This);

    if (!pRefType)
        return E_INVALIDARG;
    switch (info->kind) {
    case INFO_DISPATCH:
        /* -1: the vtable half of this dual interface. */
        if (index == (UINT)-1) {
            *pRefType = HREF_VTABLE_HALF;
            return S_OK;
        }
        if (index == 0) {
            *pRefType = HREF_IDISPATCH;
            return S_OK;
        }
        break;
    case INFO_INTERFACE:
        if (index == 0) {
            *pRefType = info->table->dual ? HREF_IDISPATCH : HREF_IUNKNOWN;
            return S_OK;
        }
        break;
    case INFO_COCLASS:
        if (index < info->coclass->interface_count) {
            *pRefType = HREF_CLASS_INTERFACE + index;
            return S_OK;
        }
        break;
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE info_get_impl_type_flags(ITypeInfo *This, UINT index,
                                                          INT *pImplTypeFlags)
{
    const type_info *info = info_from(This);

    if (!pImplTypeFlags)
        return E_INVALIDARG;
    if (info->kind == INFO_COCLASS) {
        if (index >= info->coclass->interface_count)
            return TYPE_E_ELEMENTNOTFOUND;
        *pImplTypeFlags = index == info->coclass->default_interface ? IMPLTYPEFLAG_FDEFAULT : 0;
        return S_OK;
    }
    if (index != 0 && !(info->kind == INFO_DISPATCH && index == (UINT)-1))
        return TYPE_E_ELEMENTNOTFOUND;
    *pImplTypeFlags = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE info_get_ref_type_info(ITypeInfo *This, HREFTYPE hRefType,
                                                        ITypeInfo **ppTInfo)
{
    const type_info *info = info_from(This);

    if (!ppTInfo)
        return E_INVALIDARG;
    *ppTInfo = NULL;
    if (info->kind == INFO_COCLASS) {
        UINT index = hRefType - HREF_CLASS_INTERFACE;

        if (hRefType < HREF_CLASS_INTERFACE || index >= info->coclass->interface_count)
            return TYPE_E_ELEMENTNOTFOUND;
        return create_interface_info(info->coclass->interfaces[index], info->module, ppTInfo);
    }
    if (hRefType == HREF_VTABLE_HALF && info->kind == INFO_DISPATCH)
        return create_info(INFO_INTERFACE, info->table, NULL, info->library, info->module,
                           ppTInfo);
    if (hRefType == HREF_IDISPATCH || hRefType == HREF_IUNKNOWN)
        return E_NOTIMPL; /* the standard interfaces' type information is stdole's */
    return TYPE_E_ELEMENTNOTFOUND;
}

/* The index of this type information in its library. */
static HRESULT index_in_library(const type_info *info, UINT *out)
{
    const ccw_typelib *library = info->library;
    USHORT i;

    if (info->kind == INFO_COCLASS) {
        *out = library->interface_count + (UINT)(info->coclass - library->classes);
        return S_OK;
    }
    for (i = 0; i < library->interface_count; i++) {
        if (library->interfaces[i] == info->table) {
            *out = i;
            return S_OK;
        }
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE info_get_containing_type_lib(ITypeInfo *This,
                                                              ITypeLib **ppTLib, UINT *pIndex)
{
    const type_info *info = info_from(This);
    UINT index;
    HRESULT hr;

    if (!ppTLib)
        return E_INVALIDARG;
    *ppTLib = NULL;
    if (!info->library)
        return E_NOTIMPL;
    hr = index_in_library(info, &index);
    if (FAILED(hr))
        return hr;
    hr = ccw_typelib_create(info->library, info->module, ppTLib);
    if (SUCCEEDED(hr) && pIndex)
        *pIndex = index;
    return hr;
}

/* ---- ITypeInfo: what a static description cannot answer --------------- */

static HRESULT STDMETHODCALLTYPE info_get_type_comp(ITypeInfo *This, ITypeComp **ppTComp)
{
    (void)This;
    if (ppTComp)
        *ppTComp = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE info_get_dll_entry(ITypeInfo *This, MEMBERID memid,
                                                    INVOKEKIND invKind, BSTR *pBstrDllName,
                                                    BSTR *pBstrName, WORD *pwOrdinal)
{
    (void)This, (void)memid, (void)invKind, (void)pBstrDllName, (void)pBstrName, (void)pwOrdinal;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE info_address_of_member(ITypeInfo *This, MEMBERID memid,
                                                        INVOKEKIND invKind, PVOID *ppv)
{
    (void)This, (void)memid, (void)invKind;
    if (ppv)
        *ppv = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE info_create_instance(ITypeInfo *This, IUnknown *pUnkOuter,
                                                      REFIID riid, PVOID *ppvObj)
{
    (void)This, (void)pUnkOuter, (void)riid;
    if (ppvObj)
        *ppvObj = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE info_get_mops(ITypeInfo *This, MEMBERID memid, BSTR *pBstrMops)
{
    (void)This, (void)memid;
    if (pBstrMops)
        *pBstrMops = NULL;
    return E_NOTIMPL;
}

static const ITypeInfoVtbl type_info_vtbl = {
    info_query_interface,
    info_add_ref,
    info_release,
    info_get_type_attr,
    info_get_type_comp,
    info_get_func_desc,
    info_get_var_desc,
    info_get_names,
    info_get_ref_type_of_impl_type,
    info_get_impl_type_flags,
    info_get_ids_of_names,
    info_invoke,
    info_get_documentation,
    info_get_dll_entry,
    info_get_ref_type_info,
    info_address_of_member,
    info_create_instance,
    info_get_mops,
    info_get_containing_type_lib,
    info_release_type_attr,
    info_release_func_desc,
    info_release_var_desc,
};

/* ---- ITypeLib --------------------------------------------------------- */

CCW_API HRESULT ccw_typelib_create(const ccw_typelib *library, ccw_module *module,
                                   ITypeLib **out)
{
    type_lib *lib;

    if (!library || !out)
        return E_INVALIDARG;
    lib = calloc(1, sizeof(*lib));
    if (!lib)
        return E_OUTOFMEMORY;
    lib->iface.lpVtbl = &type_lib_vtbl;
    atomic_init(&lib->refs, 1);
    lib->library = library;
    lib->module = module;
    if (module)
        ccw_module_lock(module);
    *out = &lib->iface;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE lib_query_interface(ITypeLib *This, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_ITypeLib)) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    ITypeLib_AddRef(This);
    *ppv = This;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE lib_add_ref(ITypeLib *This)
{
    return atomic_fetch_add(&lib_from(This)->refs, 1) + 1;
}

static ULONG STDMETHODCALLTYPE lib_release(ITypeLib *This)
{
    type_lib *lib = lib_from(This);
    ULONG left = atomic_fetch_sub(&lib->refs, 1) - 1;

    if (left == 0) {
        ccw_module *module = lib->module;

        free(lib);
        if (module)
            ccw_module_unlock(module);
    }
    return left;
}

static UINT STDMETHODCALLTYPE lib_get_type_info_count(ITypeLib *This)
{
    const ccw_typelib *library = lib_from(This)->library;

    return (UINT)library->interface_count + library->class_count;
}

static HRESULT STDMETHODCALLTYPE lib_get_type_info(ITypeLib *This, UINT index,
                                                   ITypeInfo **ppTInfo)
{
    const type_lib *lib = lib_from(This);
    const ccw_typelib *library = lib->library;

    if (!ppTInfo)
        return E_INVALIDARG;
    *ppTInfo = NULL;
    if (index < library->interface_count)
        return create_interface_info(library->interfaces[index], lib->module, ppTInfo);
    index -= library->interface_count;
    if (index < library->class_count)
        return create_info(INFO_COCLASS, NULL, &library->classes[index], library, lib->module,
                           ppTInfo);
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE lib_get_type_info_type(ITypeLib *This, UINT index,
                                                        TYPEKIND *pTKind)
{
    const ccw_typelib *library = lib_from(This)->library;

    if (!pTKind)
        return E_INVALIDARG;
    if (index < library->interface_count) {
        *pTKind = library->interfaces[index]->dual ? TKIND_DISPATCH : TKIND_INTERFACE;
        return S_OK;
    }
    if (index - library->interface_count < library->class_count) {
        *pTKind = TKIND_COCLASS;
        return S_OK;
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE lib_get_type_info_of_guid(ITypeLib *This, REFGUID guid,
                                                           ITypeInfo **ppTinfo)
{
    const type_lib *lib = lib_from(This);
    const ccw_typelib *library = lib->library;
    USHORT i;

    if (!guid || !ppTinfo)
        return E_INVALIDARG;
    *ppTinfo = NULL;
    for (i = 0; i < library->interface_count; i++) {
        if (IsEqualGUID(library->interfaces[i]->iid, guid))
            return lib_get_type_info(This, i, ppTinfo);
    }
    for (i = 0; i < library->class_count; i++) {
        if (IsEqualGUID(library->classes[i].clsid, guid))
            return lib_get_type_info(This, (UINT)library->interface_count + i, ppTinfo);
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE lib_get_lib_attr(ITypeLib *This, TLIBATTR **ppTLibAttr)
{
    const ccw_typelib *library = lib_from(This)->library;
    TLIBATTR *attr;

    if (!ppTLibAttr)
        return E_INVALIDARG;
    attr = calloc(1, sizeof(*attr));
    if (!attr)
        return E_OUTOFMEMORY;
    if (library->libid)
        attr->guid = *library->libid;
    attr->syskind = sizeof(void *) == 8 ? SYS_WIN64 : SYS_WIN32;
    attr->wMajorVerNum = library->version_major;
    attr->wMinorVerNum = library->version_minor;
    *ppTLibAttr = attr;
    return S_OK;
}

static void STDMETHODCALLTYPE lib_release_tlib_attr(ITypeLib *This, TLIBATTR *pTLibAttr)
{
    (void)This;
    free(pTLibAttr);
}

static HRESULT STDMETHODCALLTYPE lib_get_documentation(ITypeLib *This, INT index,
                                                       BSTR *pBstrName, BSTR *pBstrDocString,
                                                       DWORD *pdwHelpContext,
                                                       BSTR *pBstrHelpFile)
{
    const ccw_typelib *library = lib_from(This)->library;
    const char *name, *help;

    if (index == -1) {
        name = library->name;
        help = library->help;
    } else if (index >= 0 && index < library->interface_count) {
        name = library->interfaces[index]->name;
        help = library->interfaces[index]->help;
    } else if (index >= 0 && index - library->interface_count < library->class_count) {
        name = library->classes[index - library->interface_count].name;
        help = library->classes[index - library->interface_count].help;
    } else {
        return TYPE_E_ELEMENTNOTFOUND;
    }
    put_text(pBstrName, name);
    put_text(pBstrDocString, help);
    put_text(pBstrHelpFile, NULL);
    if (pdwHelpContext)
        *pdwHelpContext = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE lib_get_type_comp(ITypeLib *This, ITypeComp **ppTComp)
{
    (void)This;
    if (ppTComp)
        *ppTComp = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE lib_is_name(ITypeLib *This, LPOLESTR szNameBuf, ULONG lHashVal,
                                             BOOL *pfName)
{
    (void)This, (void)szNameBuf, (void)lHashVal, (void)pfName;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE lib_find_name(ITypeLib *This, LPOLESTR szNameBuf,
                                               ULONG lHashVal, ITypeInfo **ppTInfo,
                                               MEMBERID *rgMemId, USHORT *pcFound)
{
    (void)This, (void)szNameBuf, (void)lHashVal, (void)ppTInfo, (void)rgMemId, (void)pcFound;
    return E_NOTIMPL;
}

static const ITypeLibVtbl type_lib_vtbl = {
    lib_query_interface,
    lib_add_ref,
    lib_release,
    lib_get_type_info_count,
    lib_get_type_info,
    lib_get_type_info_type,
    lib_get_type_info_of_guid,
    lib_get_lib_attr,
    lib_get_type_comp,
    lib_get_documentation,
    lib_is_name,
    lib_find_name,
    lib_release_tlib_attr,
};
