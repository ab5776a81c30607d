/*
 * call.c - `ccw call` and `ccw describe`: a late-bound client on the command
 * line, which sees a component only through IDispatch and ITypeInfo, as a
 * script host does.
 *
 *   ccw call [--library PATH.so] PROGID|{CLSID} [IFACE.]MEMBER [--put] [ARG|NAME:=ARG ...]
 *            [--then [IFACE.]MEMBER ...]
 *   ccw describe [--library PATH.so] PROGID|{CLSID}
 *
 * An argument that reads as an integer becomes VT_I4 (VT_I8 when it does not
 * fit), one that reads as a real VT_R8, true/false VT_BOOL, anything else a
 * string; NAME:=ARG is a named argument.  Without --put the member is
 * invoked as VBScript does, DISPATCH_METHOD | DISPATCH_PROPERTYGET; with
 * --put its one argument is assigned (DISPATCH_PROPERTYPUT).
 *
 * A member is looked up on the object's default interface; IFACE.MEMBER
 * names another dual interface of its coclass, and a member the default
 * interface lacks is looked for on the others (through the coclass's type
 * information), then called through that interface's own IDispatch.
 * `--then` separates calls made one after the other on the same object.
 *
 * The object comes from the activation registry (CoCreateInstance), or with
 * --library from the component's own DllGetClassObject; a ProgID is then
 * resolved by the component's own DllRegisterServer writing to a private,
 * temporary registry.
 */
#define _XOPEN_SOURCE 700 /* realpath, mkdtemp, setenv */

#include "call.h"

#include <ccw/runtime.h>

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

#define MAX_ARGS 32

/* The object being driven and what keeps its code loaded. */
typedef struct target {
    IDispatch *disp;
    void *library; /* dlopen handle with --library, else NULL */
    bool com_initialized;
} target;

/* ---- Reporting --------------------------------------------------------- */

static const char *hresult_name(HRESULT hr)
{
    static const struct {
        HRESULT hr;
        const char *name;
    } names[] = {
        { DISP_E_UNKNOWNINTERFACE, "DISP_E_UNKNOWNINTERFACE" },
        { DISP_E_MEMBERNOTFOUND, "DISP_E_MEMBERNOTFOUND" },
        { DISP_E_PARAMNOTFOUND, "DISP_E_PARAMNOTFOUND" },
        { DISP_E_TYPEMISMATCH, "DISP_E_TYPEMISMATCH" },
        { DISP_E_UNKNOWNNAME, "DISP_E_UNKNOWNNAME" },
        { DISP_E_NONAMEDARGS, "DISP_E_NONAMEDARGS" },
        { DISP_E_BADVARTYPE, "DISP_E_BADVARTYPE" },
        { DISP_E_EXCEPTION, "DISP_E_EXCEPTION" },
        { DISP_E_OVERFLOW, "DISP_E_OVERFLOW" },
        { DISP_E_BADPARAMCOUNT, "DISP_E_BADPARAMCOUNT" },
        { DISP_E_PARAMNOTOPTIONAL, "DISP_E_PARAMNOTOPTIONAL" },
        { E_INVALIDARG, "E_INVALIDARG" },
        { E_OUTOFMEMORY, "E_OUTOFMEMORY" },
        { E_NOINTERFACE, "E_NOINTERFACE" },
        { E_NOTIMPL, "E_NOTIMPL" },
        { E_FAIL, "E_FAIL" },
        { E_ACCESSDENIED, "E_ACCESSDENIED" },
        { CLASS_E_CLASSNOTAVAILABLE, "CLASS_E_CLASSNOTAVAILABLE" },
        { REGDB_E_CLASSNOTREG, "REGDB_E_CLASSNOTREG" },
        { CO_E_CLASSSTRING, "CO_E_CLASSSTRING" },
    };
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (names[i].hr == hr)
            return names[i].name;
    }
    return NULL;
}

static char *utf8_of(BSTR text)
{
    char *out = NULL;

    if (text)
        ccw_bstr_to_utf8(text, &out, NULL);
    return out;
}

/* "0x80020006 (DISP_E_UNKNOWNNAME)" */
static void print_hresult(HRESULT hr)
{
    const char *name = hresult_name(hr);

    fprintf(stderr, "0x%08lX", (unsigned long)(ULONG)hr);
    if (name)
        fprintf(stderr, " (%s)", name);
}

/* A failure of an activation step: the thread's IErrorInfo, if any, says why. */
static int report(const char *what, HRESULT hr)
{
    IErrorInfo *info = NULL;
    BSTR description = NULL;
    char *text = NULL;

    if (GetErrorInfo(0, &info) == S_OK && info) {
        IErrorInfo_GetDescription(info, &description);
        text = utf8_of(description);
        SysFreeString(description);
        IErrorInfo_Release(info);
    }
    fprintf(stderr, "ccw: %s failed: ", what);
    print_hresult(hr);
    if (text && *text)
        fprintf(stderr, ": %s", text);
    fputc('\n', stderr);
    ccw_string_free(text);
    return EXIT_FAILED;
}

/* ---- Activation ---------------------------------------------------------- */

static HRESULT clsid_from_text(const char *text, CLSID *out)
{
    BSTR wide = NULL;
    HRESULT hr = ccw_bstr_from_utf8(text, CCW_NUL_TERMINATED, &wide);

    if (SUCCEEDED(hr))
        hr = text[0] == '{' ? CLSIDFromString(wide, out) : CLSIDFromProgID(wide, out);
    SysFreeString(wide);
    return hr;
}

static void *library_symbol(void *library, const char *name)
{
    void *address = dlsym(library, name);

    if (!address)
        fprintf(stderr, "ccw: the component has no %s (build it with ccwgen --dll)\n", name);
    return address;
}

/* A ProgID, resolved by the component itself: its DllRegisterServer writes a
 * private registry that CLSIDFromProgID then reads. */
static HRESULT clsid_from_library(void *library, const char *progid, CLSID *out)
{
    HRESULT (STDAPICALLTYPE *register_server)(void);
    const char *tmp = getenv("TMPDIR");
    char dir[PATH_MAX], registry[PATH_MAX + 16], lock[PATH_MAX + 32];
    char *saved = NULL;
    const char *previous = getenv("CCW_REGISTRY");
    void *address;
    HRESULT hr;

    address = library_symbol(library, "DllRegisterServer");
    if (!address)
        return E_FAIL;
    memcpy(&register_server, &address, sizeof(register_server));
    if (!tmp || tmp[0] != '/')
        tmp = "/tmp";
    if ((size_t)snprintf(dir, sizeof(dir), "%s/ccw-call-XXXXXX", tmp) >= sizeof(dir) ||
        !mkdtemp(dir))
        return E_FAIL;
    /* The registry keeps its lock file beside it: both go, then the folder. */
    snprintf(registry, sizeof(registry), "%s/registry.json", dir);
    snprintf(lock, sizeof(lock), "%s.lock", registry);
    if (previous) {
        saved = strdup(previous);
        if (!saved) {
            rmdir(dir);
            return E_OUTOFMEMORY;
        }
    }
    setenv("CCW_REGISTRY", registry, 1);
    hr = register_server();
    if (SUCCEEDED(hr))
        hr = clsid_from_text(progid, out);
    if (saved)
        setenv("CCW_REGISTRY", saved, 1);
    else
        unsetenv("CCW_REGISTRY");
    free(saved);
    unlink(registry);
    unlink(lock);
    rmdir(dir);
    return hr;
}

static HRESULT create_from_library(target *t, const char *path, const char *key)
{
    HRESULT (STDAPICALLTYPE *get_class_object)(REFCLSID, REFIID, void **);
    IClassFactory *factory = NULL;
    char *absolute = realpath(path, NULL);
    void *address;
    CLSID clsid;
    HRESULT hr;

    if (!absolute) {
        fprintf(stderr, "ccw: %s: %s\n", path, strerror(errno));
        return E_FAIL;
    }
    t->library = dlopen(absolute, RTLD_NOW | RTLD_LOCAL);
    free(absolute);
    if (!t->library) {
        fprintf(stderr, "ccw: %s\n", dlerror());
        return E_FAIL;
    }
    hr = key[0] == '{' ? clsid_from_text(key, &clsid) : clsid_from_library(t->library, key, &clsid);
    if (FAILED(hr))
        return hr;
    address = library_symbol(t->library, "DllGetClassObject");
    if (!address)
        return E_FAIL;
    memcpy(&get_class_object, &address, sizeof(get_class_object));
    hr = get_class_object(&clsid, &IID_IClassFactory, (void **)&factory);
    if (FAILED(hr))
        return hr;
    hr = IClassFactory_CreateInstance(factory, NULL, &IID_IDispatch, (void **)&t->disp);
    IClassFactory_Release(factory);
    return hr;
}

/* Creates the object; on failure the reason is printed. */
static int activate(target *t, const char *library, const char *key)
{
    CLSID clsid;
    HRESULT hr;

    memset(t, 0, sizeof(*t));
    hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    if (FAILED(hr))
        return report("CoInitializeEx", hr);
    t->com_initialized = true;
    SetErrorInfo(0, NULL);
    if (library) {
        hr = create_from_library(t, library, key);
    } else {
        hr = clsid_from_text(key, &clsid);
        if (SUCCEEDED(hr))
            hr = CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch,
                                  (void **)&t->disp);
    }
    if (FAILED(hr)) {
        char what[300];

        snprintf(what, sizeof(what), "creating %s", key);
        return report(what, hr);
    }
    return EXIT_OK;
}

static void deactivate(target *t)
{
    if (t->disp)
        IDispatch_Release(t->disp);
    if (t->library)
        dlclose(t->library);
    if (t->com_initialized)
        CoUninitialize();
}

/* Splits `[--library PATH] KEY REST...`; *rest points past KEY. */
static bool parse_target(char **args, const char **library, const char **key, char ***rest)
{
    *library = NULL;
    if (args[0] && strcmp(args[0], "--library") == 0) {
        if (!args[1])
            return false;
        *library = args[1];
        args += 2;
    }
    if (!args[0])
        return false;
    *key = args[0];
    *rest = args + 1;
    return true;
}

/* ---- The coclass's interfaces ------------------------------------------- */

/* The type information of interface `impl` of `coclass`, and its flags. */
static ITypeInfo *implemented(ITypeInfo *coclass, UINT impl, INT *flags)
{
    ITypeInfo *iface = NULL;
    HREFTYPE ref;

    *flags = 0;
    if (FAILED(ITypeInfo_GetImplTypeFlags(coclass, impl, flags)) ||
        FAILED(ITypeInfo_GetRefTypeOfImplType(coclass, impl, &ref)) ||
        FAILED(ITypeInfo_GetRefTypeInfo(coclass, ref, &iface)))
        return NULL;
    return iface;
}

static bool same_guid(ITypeInfo *a, ITypeInfo *b)
{
    TYPEATTR *attr_a, *attr_b;
    bool same = false;

    if (SUCCEEDED(ITypeInfo_GetTypeAttr(a, &attr_a))) {
        if (SUCCEEDED(ITypeInfo_GetTypeAttr(b, &attr_b))) {
            same = IsEqualGUID(&attr_a->guid, &attr_b->guid);
            ITypeInfo_ReleaseTypeAttr(b, attr_b);
        }
        ITypeInfo_ReleaseTypeAttr(a, attr_a);
    }
    return same;
}

/* The coclass whose default interface `info` describes; NULL when there is
 * no type library or no such coclass. */
static ITypeInfo *coclass_of(ITypeInfo *info)
{
    ITypeLib *lib = NULL;
    ITypeInfo *found = NULL;
    UINT index, count, i;

    if (FAILED(ITypeInfo_GetContainingTypeLib(info, &lib, &index)))
        return NULL;
    count = ITypeLib_GetTypeInfoCount(lib);
    for (i = 0; i < count && !found; i++) {
        ITypeInfo *coclass = NULL;
        TYPEATTR *attr = NULL;
        TYPEKIND kind;
        UINT impl;

        if (FAILED(ITypeLib_GetTypeInfoType(lib, i, &kind)) || kind != TKIND_COCLASS ||
            FAILED(ITypeLib_GetTypeInfo(lib, i, &coclass)))
            continue;
        if (SUCCEEDED(ITypeInfo_GetTypeAttr(coclass, &attr))) {
            for (impl = 0; impl < attr->cImplTypes && !found; impl++) {
                INT flags;
                ITypeInfo *iface = implemented(coclass, impl, &flags);

                if (iface && (flags & IMPLTYPEFLAG_FDEFAULT) && same_guid(iface, info)) {
                    ITypeInfo_AddRef(coclass);
                    found = coclass;
                }
                if (iface)
                    ITypeInfo_Release(iface);
            }
            ITypeInfo_ReleaseTypeAttr(coclass, attr);
        }
        ITypeInfo_Release(coclass);
    }
    ITypeLib_Release(lib);
    return found;
}

static char *type_name(ITypeInfo *info)
{
    BSTR name = NULL;
    char *text = NULL;

    if (SUCCEEDED(ITypeInfo_GetDocumentation(info, MEMBERID_NIL, &name, NULL, NULL, NULL)))
        text = utf8_of(name);
    SysFreeString(name);
    return text;
}

#define MAX_INTERFACES 64

/* The dual interfaces of the object's coclass, from its type information. */
typedef struct interfaces {
    UINT count;
    ITypeInfo *info[MAX_INTERFACES];
    char *name[MAX_INTERFACES];
    IID iid[MAX_INTERFACES];
    bool is_default[MAX_INTERFACES];
} interfaces;

/* Lists them; an object without a type library has none listed. */
static void list_interfaces(IDispatch *disp, interfaces *out)
{
    ITypeInfo *info = NULL, *coclass = NULL;
    TYPEATTR *attr = NULL;
    UINT impl;

    memset(out, 0, sizeof(*out));
    if (FAILED(IDispatch_GetTypeInfo(disp, 0, LOCALE_USER_DEFAULT, &info)))
        return;
    coclass = coclass_of(info);
    ITypeInfo_Release(info);
    if (!coclass)
        return;
    if (SUCCEEDED(ITypeInfo_GetTypeAttr(coclass, &attr))) {
        for (impl = 0; impl < attr->cImplTypes && out->count < MAX_INTERFACES; impl++) {
            INT flags;
            ITypeInfo *iface = implemented(coclass, impl, &flags);
            TYPEATTR *iattr;
            bool dual = false;

            if (!iface)
                continue;
            if (SUCCEEDED(ITypeInfo_GetTypeAttr(iface, &iattr))) {
                dual = iattr->typekind == TKIND_DISPATCH;
                out->iid[out->count] = iattr->guid;
                ITypeInfo_ReleaseTypeAttr(iface, iattr);
            }
            if (!dual) {
                ITypeInfo_Release(iface);
                continue;
            }
            out->is_default[out->count] = (flags & IMPLTYPEFLAG_FDEFAULT) != 0;
            out->name[out->count] = type_name(iface);
            out->info[out->count++] = iface;
        }
        ITypeInfo_ReleaseTypeAttr(coclass, attr);
    }
    ITypeInfo_Release(coclass);
}

static void free_interfaces(interfaces *list)
{
    UINT i;

    for (i = 0; i < list->count; i++) {
        ITypeInfo_Release(list->info[i]);
        ccw_string_free(list->name[i]);
    }
}

/* Whether the interface described by `info` has a member `name`. */
static bool has_member(ITypeInfo *info, const char *name)
{
    BSTR wide = NULL;
    MEMBERID id;
    bool found;

    if (FAILED(ccw_bstr_from_utf8(name, CCW_NUL_TERMINATED, &wide)))
        return false;
    found = SUCCEEDED(ITypeInfo_GetIDsOfNames(info, &wide, 1, &id));
    SysFreeString(wide);
    return found;
}

/* ---- Values ------------------------------------------------------------- */

/* The argument as the type it reads as. */
static HRESULT parse_value(const char *text, VARIANT *out)
{
    char *end;
    long long integer;
    double real;

    VariantInit(out);
    if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0) {
        V_VT(out) = VT_BOOL;
        V_BOOL(out) = text[0] == 't' ? VARIANT_TRUE : VARIANT_FALSE;
        return S_OK;
    }
    errno = 0;
    integer = strtoll(text, &end, 10);
    if (*text && !*end && errno == 0) {
        if (integer >= INT32_MIN && integer <= INT32_MAX) {
            V_VT(out) = VT_I4;
            V_I4(out) = (LONG)integer;
        } else {
            V_VT(out) = VT_I8;
            V_I8(out) = integer;
        }
        return S_OK;
    }
    errno = 0;
    real = strtod(text, &end);
    if (*text && !*end && errno == 0 && text[strspn(text, "0123456789+-.eE")] == '\0') {
        V_VT(out) = VT_R8;
        V_R8(out) = real;
        return S_OK;
    }
    V_VT(out) = VT_BSTR;
    return ccw_bstr_from_utf8(text, CCW_NUL_TERMINATED, &V_BSTR(out));
}

static void print_name_of(IDispatch *disp)
{
    ITypeInfo *info = NULL;
    BSTR name = NULL;
    char *text = NULL;

    if (disp && SUCCEEDED(IDispatch_GetTypeInfo(disp, 0, 0, &info)) &&
        SUCCEEDED(ITypeInfo_GetDocumentation(info, MEMBERID_NIL, &name, NULL, NULL, NULL)))
        text = utf8_of(name);
    printf("[object %s]\n", text ? text : disp ? "?" : "Nothing");
    ccw_string_free(text);
    SysFreeString(name);
    if (info)
        ITypeInfo_Release(info);
}

static void print_value(VARIANT *value)
{
    VARIANT text;
    char *utf8;

    if (V_VT(value) == VT_EMPTY)
        return;
    if (V_VT(value) == VT_DISPATCH) {
        print_name_of(V_DISPATCH(value));
        return;
    }
    if (V_VT(value) == (VT_ARRAY | VT_UI1)) {
        SAFEARRAY *array = V_ARRAY(value);
        ULONG i, count = array ? array->rgsabound[0].cElements : 0;

        for (i = 0; i < count; i++)
            printf("%s%02x", i ? " " : "", ((const BYTE *)array->pvData)[i]);
        putchar('\n');
        return;
    }
    VariantInit(&text);
    if (V_VT(value) == VT_NULL) {
        printf("Null\n");
    } else if (SUCCEEDED(VariantChangeType(&text, value, VARIANT_ALPHABOOL, VT_BSTR))) {
        utf8 = utf8_of(V_BSTR(&text));
        printf("%s\n", utf8 ? utf8 : "");
        ccw_string_free(utf8);
    } else {
        printf("(a value of VARTYPE 0x%04x)\n", V_VT(value));
    }
    VariantClear(&text);
}

/* ---- ccw call ------------------------------------------------------------ */

typedef struct call {
    const char *member;              /* as given: MEMBER or IFACE.MEMBER */
    const char *name;                /* MEMBER */
    bool put;
    UINT count, named_count;
    VARIANT values[MAX_ARGS];        /* in command-line order */
    const char *names[MAX_ARGS];     /* NAME of NAME:=ARG, else NULL */
} call;

/* Parses one call, up to `--then` or the end; *next is past both. */
static int parse_call(call *c, char **args, char ***next)
{
    size_t i;
    const char *dot;

    memset(c, 0, sizeof(*c));
    if (!args[0] || strcmp(args[0], "--then") == 0) {
        fprintf(stderr, "ccw: --then must be followed by a member\n");
        return EXIT_USAGE;
    }
    c->member = args[0];
    dot = strchr(c->member, '.');
    c->name = dot ? dot + 1 : c->member;
    if (dot && (dot == c->member || !*c->name || strchr(c->name, '.'))) {
        fprintf(stderr, "ccw: '%s' is neither MEMBER nor INTERFACE.MEMBER\n", c->member);
        return EXIT_USAGE;
    }
    for (i = 1; args[i] && strcmp(args[i], "--then") != 0; i++) {
        const char *text = args[i];
        const char *assign = strstr(text, ":=");

        if (strcmp(text, "--put") == 0) {
            c->put = true;
            continue;
        }
        if (c->count == MAX_ARGS) {
            fprintf(stderr, "ccw: at most %d arguments\n", MAX_ARGS);
            return EXIT_USAGE;
        }
        if (assign && assign != text) {
            c->names[c->count] = text;
            c->named_count++;
            text = assign + 2;
        }
        if (FAILED(parse_value(text, &c->values[c->count]))) {
            fprintf(stderr, "ccw: argument '%s' is not valid UTF-8\n", text);
            return EXIT_USAGE;
        }
        c->count++;
    }
    *next = args[i] ? args + i + 1 : args + i;
    if (c->put && c->count != 1) {
        fprintf(stderr, "ccw: --put takes exactly one value\n");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static void free_call(call *c)
{
    UINT i;

    for (i = 0; i < c->count; i++)
        VariantClear(&c->values[i]);
}

/* Whether the object's default interface has a member `name`. */
static bool default_has_member(IDispatch *object, const char *name)
{
    BSTR wide = NULL;
    DISPID id;
    bool found;

    if (FAILED(ccw_bstr_from_utf8(name, CCW_NUL_TERMINATED, &wide)))
        return false;
    found = SUCCEEDED(IDispatch_GetIDsOfNames(object, &IID_NULL, &wide, 1, LOCALE_USER_DEFAULT,
                                              &id));
    SysFreeString(wide);
    return found;
}

/*
 * The IDispatch to call c's member through (*out, AddRef'd): the object's
 * own for its default interface; for IFACE.MEMBER, or a member only another
 * dual interface of the coclass has, that interface (QueryInterface for its
 * IID; a dual interface is its own IDispatch). A member found nowhere is
 * left to the default interface to report. Prints why when there is none.
 */
static int resolve(IDispatch *object, const call *c, IDispatch **out)
{
    size_t iface_len = c->name == c->member ? 0 : (size_t)(c->name - c->member - 1);
    UINT i, found = UINT_MAX, matches = 0;
    int status = EXIT_OK;
    interfaces list;
    HRESULT hr;

    *out = NULL;
    if (!iface_len && default_has_member(object, c->name)) {
        IDispatch_AddRef(object);
        *out = object;
        return EXIT_OK;
    }
    list_interfaces(object, &list);
    for (i = 0; i < list.count; i++) {
        bool match = iface_len ? list.name[i] && strlen(list.name[i]) == iface_len &&
                                 strncasecmp(list.name[i], c->member, iface_len) == 0
                               : !list.is_default[i] && has_member(list.info[i], c->name);

        if (match) {
            found = i;
            matches++;
        }
    }
    if (iface_len && found == UINT_MAX) {
        fprintf(stderr, "ccw: %s failed: the object has no dual interface named '%.*s'\n",
                c->member, (int)iface_len, c->member);
        status = EXIT_FAILED;
    } else if (matches > 1) {
        UINT listed = 0;

        fprintf(stderr, "ccw: %s is ambiguous: it is", c->member);
        for (i = 0; i < list.count; i++) {
            if (list.is_default[i] || !has_member(list.info[i], c->name))
                continue;
            fprintf(stderr, "%s%s.%s", listed == 0 ? " " : listed + 1 == matches ? " and " : ", ",
                    list.name[i] ? list.name[i] : "?", c->name);
            listed++;
        }
        fputs("; name the interface\n", stderr);
        status = EXIT_FAILED;
    } else if (found == UINT_MAX || list.is_default[found]) {
        IDispatch_AddRef(object);
        *out = object;
    } else {
        hr = IDispatch_QueryInterface(object, &list.iid[found], (void **)out);
        if (FAILED(hr)) {
            fprintf(stderr, "ccw: %s failed: QueryInterface for %s: ", c->member,
                    list.name[found]);
            print_hresult(hr);
            fputc('\n', stderr);
            status = EXIT_FAILED;
        }
    }
    free_interfaces(&list);
    return status;
}

/* The DISPIDs of the member and of the named arguments. */
static HRESULT find_ids(IDispatch *disp, const call *c, DISPID *ids)
{
    BSTR names[MAX_ARGS + 1] = { NULL };
    UINT n = 1, i;
    HRESULT hr = ccw_bstr_from_utf8(c->name, CCW_NUL_TERMINATED, &names[0]);

    for (i = 0; i < c->count && SUCCEEDED(hr); i++) {
        if (c->names[i])
            hr = ccw_bstr_from_utf8(c->names[i], (size_t)(strstr(c->names[i], ":=") - c->names[i]),
                                    &names[n++]);
    }
    if (SUCCEEDED(hr))
        hr = IDispatch_GetIDsOfNames(disp, &IID_NULL, names, n, LOCALE_USER_DEFAULT, ids);
    for (i = 0; i < n; i++)
        SysFreeString(names[i]);
    return hr;
}

static void print_unknown_names(const call *c, const DISPID *ids)
{
    UINT n = 1, i;

    if (ids[0] == DISPID_UNKNOWN) {
        fprintf(stderr, ": no member named '%s'\n", c->member);
        return;
    }
    for (i = 0; i < c->count; i++) {
        if (!c->names[i])
            continue;
        if (ids[n++] == DISPID_UNKNOWN)
            fprintf(stderr, ": %s has no parameter named '%.*s'", c->member,
                    (int)(strstr(c->names[i], ":=") - c->names[i]), c->names[i]);
    }
    fputc('\n', stderr);
}

static void print_exception(EXCEPINFO *excepinfo)
{
    char *source = utf8_of(excepinfo->bstrSource);
    char *description = utf8_of(excepinfo->bstrDescription);

    if (excepinfo->pfnDeferredFillIn)
        excepinfo->pfnDeferredFillIn(excepinfo);
    fprintf(stderr, ": ");
    print_hresult(excepinfo->scode ? excepinfo->scode : (HRESULT)excepinfo->wCode);
    if (source && *source)
        fprintf(stderr, " from %s", source);
    if (description && *description)
        fprintf(stderr, ": %s", description);
    ccw_string_free(source);
    ccw_string_free(description);
}

static int invoke_call(IDispatch *disp, call *c)
{
    DISPID ids[MAX_ARGS + 1], named[MAX_ARGS];
    VARIANT rgvarg[MAX_ARGS], result;
    UINT origin[MAX_ARGS]; /* rgvarg index -> position on the command line, from 1 */
    DISPPARAMS params = { rgvarg, named, c->count, 0 };
    EXCEPINFO excepinfo;
    UINT arg_err = UINT_MAX, positional = 0, i, n = 1;
    HRESULT hr;

    hr = find_ids(disp, c, ids);
    if (FAILED(hr)) {
        fprintf(stderr, "ccw: %s failed: ", c->member);
        print_hresult(hr);
        if (hr == DISP_E_UNKNOWNNAME)
            print_unknown_names(c, ids);
        else
            fputc('\n', stderr);
        return EXIT_FAILED;
    }
    /* Named arguments first, then the positional ones in reverse. */
    for (i = 0; i < c->count; i++) {
        if (c->names[i]) {
            named[params.cNamedArgs] = ids[n++];
            origin[params.cNamedArgs] = i + 1;
            rgvarg[params.cNamedArgs++] = c->values[i];
        }
    }
    for (i = 0; i < c->count; i++) {
        if (!c->names[i]) {
            origin[c->count - 1 - positional] = i + 1;
            rgvarg[c->count - 1 - positional++] = c->values[i];
        }
    }
    if (c->put && params.cNamedArgs == 0) {
        named[0] = DISPID_PROPERTYPUT;
        params.cNamedArgs = 1;
    }
    VariantInit(&result);
    memset(&excepinfo, 0, sizeof(excepinfo));
    hr = IDispatch_Invoke(disp, ids[0], &IID_NULL, LOCALE_USER_DEFAULT,
                          c->put ? DISPATCH_PROPERTYPUT : DISPATCH_METHOD | DISPATCH_PROPERTYGET,
                          &params, c->put ? NULL : &result, &excepinfo, &arg_err);
    if (SUCCEEDED(hr)) {
        print_value(&result);
        VariantClear(&result);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILED;
    }
    fprintf(stderr, "ccw: %s failed: ", c->member);
    print_hresult(hr);
    if (hr == DISP_E_EXCEPTION)
        print_exception(&excepinfo);
    else if (arg_err < c->count)
        fprintf(stderr, " at argument %u", origin[arg_err]);
    fputc('\n', stderr);
    SysFreeString(excepinfo.bstrSource);
    SysFreeString(excepinfo.bstrDescription);
    SysFreeString(excepinfo.bstrHelpFile);
    return EXIT_FAILED;
}

/* One call on the object, through the interface its member belongs to. */
static int run_call(IDispatch *object, call *c)
{
    IDispatch *disp = NULL;
    int status = resolve(object, c, &disp);

    if (status == EXIT_OK)
        status = invoke_call(disp, c);
    if (disp)
        IDispatch_Release(disp);
    return status;
}

int ccw_tool_call(char **args)
{
    const char *library, *key;
    char **rest;
    call *calls;
    size_t count = 1, parsed = 0, i;
    target t;
    int status = EXIT_OK;

    memset(&t, 0, sizeof(t));
    if (!parse_target(args, &library, &key, &rest) || !rest[0]) {
        fprintf(stderr, "usage: ccw call [--library PATH.so] PROGID|{CLSID} [IFACE.]MEMBER "
                        "[--put] [ARG|NAME:=ARG ...] [--then [IFACE.]MEMBER ...]\n");
        return EXIT_USAGE;
    }
    for (i = 0; rest[i]; i++)
        count += strcmp(rest[i], "--then") == 0;
    calls = calloc(count, sizeof(*calls));
    if (!calls) {
        fprintf(stderr, "ccw: out of memory\n");
        return EXIT_FAILED;
    }
    while (parsed < count && status == EXIT_OK)
        status = parse_call(&calls[parsed++], rest, &rest);
    if (status == EXIT_OK)
        status = activate(&t, library, key);
    /* One object for all of them; the first failure ends the sequence. */
    for (i = 0; i < count && status == EXIT_OK; i++)
        status = run_call(t.disp, &calls[i]);
    for (i = 0; i < parsed; i++)
        free_call(&calls[i]);
    free(calls);
    deactivate(&t);
    return status;
}

/* ---- ccw describe -------------------------------------------------------- */

static void print_type(const TYPEDESC *desc)
{
    static const char *const names[] = {
        [VT_EMPTY] = "EMPTY", [VT_I2] = "I2", [VT_I4] = "I4", [VT_R4] = "R4", [VT_R8] = "R8",
        [VT_BSTR] = "BSTR", [VT_DISPATCH] = "IDispatch*", [VT_ERROR] = "SCODE",
        [VT_BOOL] = "BOOL", [VT_VARIANT] = "VARIANT", [VT_UNKNOWN] = "IUnknown*",
        [VT_I1] = "I1", [VT_UI1] = "UI1", [VT_UI2] = "UI2", [VT_UI4] = "UI4", [VT_I8] = "I8",
        [VT_UI8] = "UI8", [VT_VOID] = "void", [VT_HRESULT] = "HRESULT",
    };

    if (desc->vt == VT_PTR) {
        print_type(desc->lptdesc);
        putchar('*');
    } else if (desc->vt == VT_SAFEARRAY) {
        fputs("SAFEARRAY(", stdout);
        print_type(desc->lptdesc);
        putchar(')');
    } else if (desc->vt < sizeof(names) / sizeof(names[0]) && names[desc->vt]) {
        fputs(names[desc->vt], stdout);
    } else {
        printf("VARTYPE(%u)", desc->vt);
    }
}

static void print_bstr(BSTR text)
{
    char *utf8 = utf8_of(text);

    fputs(utf8 ? utf8 : "", stdout);
    ccw_string_free(utf8);
}

static void print_function(ITypeInfo *info, const FUNCDESC *desc)
{
    static const char *const kinds[] = { [INVOKE_FUNC] = "method", [INVOKE_PROPERTYGET] = "get",
                                         [INVOKE_PROPERTYPUT] = "put",
                                         [INVOKE_PROPERTYPUTREF] = "putref" };
    BSTR names[MAX_ARGS + 1] = { NULL }, help = NULL;
    UINT count = 0, i;
    SHORT p;

    ITypeInfo_GetNames(info, desc->memid, names, MAX_ARGS + 1, &count);
    ITypeInfo_GetDocumentation(info, desc->memid, NULL, &help, NULL, NULL);
    /* DISPIDs in decimal; a custom interface's member ids (0x60000000 + n) in hex. */
    if (desc->memid >= 0 && desc->memid < 0x10000)
        printf("  %10ld ", (long)desc->memid);
    else
        printf("  0x%08lx ", (unsigned long)(ULONG)desc->memid);
    printf("%-6s ", desc->invkind <= 8 ? kinds[desc->invkind] : "?");
    print_bstr(names[0]);
    putchar('(');
    for (p = 0; p < desc->cParams; p++) {
        const ELEMDESC *param = &desc->lprgelemdescParam[p];
        USHORT flags = param->paramdesc.wParamFlags;

        if (p)
            fputs(", ", stdout);
        if (flags & PARAMFLAG_FOPT)
            fputs("[optional] ", stdout);
        if ((flags & PARAMFLAG_FOUT) && !(flags & PARAMFLAG_FRETVAL))
            fputs(flags & PARAMFLAG_FIN ? "[in, out] " : "[out] ", stdout);
        print_type(&param->tdesc);
        if ((UINT)p + 1 < count) {
            putchar(' ');
            print_bstr(names[p + 1]);
        }
        if ((flags & PARAMFLAG_FHASDEFAULT) && param->paramdesc.pparamdescex) {
            VARIANT text;

            VariantInit(&text);
            if (SUCCEEDED(VariantChangeType(&text, &param->paramdesc.pparamdescex->varDefaultValue,
                                            VARIANT_ALPHABOOL, VT_BSTR))) {
                fputs(" = ", stdout);
                print_bstr(V_BSTR(&text));
            }
            VariantClear(&text);
        }
    }
    putchar(')');
    if (desc->elemdescFunc.tdesc.vt != VT_VOID) {
        fputs(" -> ", stdout);
        print_type(&desc->elemdescFunc.tdesc);
    }
    if (desc->wFuncFlags & FUNCFLAG_FHIDDEN)
        fputs(" [hidden]", stdout);
    if (help) {
        fputs("  -- ", stdout);
        print_bstr(help);
    }
    putchar('\n');
    for (i = 0; i < count; i++)
        SysFreeString(names[i]);
    SysFreeString(help);
}

static void print_guid(const GUID *guid)
{
    OLECHAR text[39];
    BSTR wide;

    StringFromGUID2(guid, text, 39);
    wide = SysAllocString(text);
    print_bstr(wide);
    SysFreeString(wide);
}

static void describe_interface(ITypeInfo *info)
{
    TYPEATTR *attr;
    BSTR name = NULL, help = NULL;
    UINT i;

    if (FAILED(ITypeInfo_GetTypeAttr(info, &attr)))
        return;
    ITypeInfo_GetDocumentation(info, MEMBERID_NIL, &name, &help, NULL, NULL);
    fputs("interface ", stdout);
    print_bstr(name);
    putchar(' ');
    print_guid(&attr->guid);
    fputs(attr->typekind == TKIND_DISPATCH ? " dual" : " custom", stdout);
    if (help) {
        fputs("  -- ", stdout);
        print_bstr(help);
    }
    putchar('\n');
    for (i = 0; i < attr->cFuncs; i++) {
        FUNCDESC *desc;

        if (SUCCEEDED(ITypeInfo_GetFuncDesc(info, i, &desc))) {
            print_function(info, desc);
            ITypeInfo_ReleaseFuncDesc(info, desc);
        }
    }
    SysFreeString(name);
    SysFreeString(help);
    ITypeInfo_ReleaseTypeAttr(info, attr);
}

/* The coclass whose default interface the object answers for, with all of
 * its interfaces; only that interface when there is no type library. */
static void describe_object(ITypeInfo *info)
{
    ITypeInfo *coclass = coclass_of(info);
    TYPEATTR *attr = NULL;
    BSTR name = NULL, help = NULL;
    UINT impl;

    if (!coclass || FAILED(ITypeInfo_GetTypeAttr(coclass, &attr))) {
        if (coclass)
            ITypeInfo_Release(coclass);
        describe_interface(info);
        return;
    }
    ITypeInfo_GetDocumentation(coclass, MEMBERID_NIL, &name, &help, NULL, NULL);
    fputs("coclass ", stdout);
    print_bstr(name);
    putchar(' ');
    print_guid(&attr->guid);
    if (help) {
        fputs("  -- ", stdout);
        print_bstr(help);
    }
    putchar('\n');
    for (impl = 0; impl < attr->cImplTypes; impl++) {
        INT flags;
        ITypeInfo *iface = implemented(coclass, impl, &flags);

        if (iface) {
            describe_interface(iface);
            ITypeInfo_Release(iface);
        }
    }
    SysFreeString(name);
    SysFreeString(help);
    ITypeInfo_ReleaseTypeAttr(coclass, attr);
    ITypeInfo_Release(coclass);
}

int ccw_tool_describe(char **args)
{
    const char *library, *key;
    char **rest;
    ITypeInfo *info = NULL;
    target t;
    int status;
    HRESULT hr;

    if (!parse_target(args, &library, &key, &rest) || rest[0]) {
        fprintf(stderr, "usage: ccw describe [--library PATH.so] PROGID|{CLSID}\n");
        return EXIT_USAGE;
    }
    status = activate(&t, library, key);
    if (status == EXIT_OK) {
        hr = IDispatch_GetTypeInfo(t.disp, 0, LOCALE_USER_DEFAULT, &info);
        if (FAILED(hr)) {
            status = report("GetTypeInfo", hr);
        } else {
            describe_object(info);
            ITypeInfo_Release(info);
            status = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILED;
        }
    }
    deactivate(&t);
    return status;
}
