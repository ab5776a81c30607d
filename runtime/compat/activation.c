/*
 * compat/activation.c - COM activation off Windows: CoGetClassObject,
 * CoCreateInstance, CLSIDFromProgID and ProgIDFromCLSID over the JSON
 * registry (runtime/registry.c), the table of loaded components that
 * CoFreeUnusedLibraries prunes, and the CoInitialize count.
 *
 * Only in-process servers exist here.  There are no apartments either: every
 * thread may use every object (generated objects count references
 * atomically), so CoInitialize(Ex) only keeps the per-thread count that
 * gives callers Windows' S_OK/S_FALSE/RPC_E_CHANGED_MODE answers, and
 * activation does not require it.
 */
#define _GNU_SOURCE /* RTLD_* beyond POSIX's, for the dl* calls below */

#include "../registry.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- CoInitialize ------------------------------------------------------- */

static _Thread_local struct {
    ULONG count;
    DWORD model; /* COINIT_APARTMENTTHREADED or COINIT_MULTITHREADED */
} thread_init;

HRESULT STDAPICALLTYPE CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit)
{
    DWORD model = dwCoInit & COINIT_APARTMENTTHREADED;

    /* Reserved; Windows ignores a non-NULL value too. */
    (void)pvReserved;
    if (thread_init.count > 0 && thread_init.model != model)
        return RPC_E_CHANGED_MODE;
    thread_init.model = model;
    return thread_init.count++ == 0 ? S_OK : S_FALSE;
}

HRESULT STDAPICALLTYPE CoInitialize(LPVOID pvReserved)
{
    return CoInitializeEx(pvReserved, COINIT_APARTMENTTHREADED);
}

void STDAPICALLTYPE CoUninitialize(void)
{
    if (thread_init.count > 0)
        thread_init.count--;
}

/* ---- Loaded components -------------------------------------------------- */

/*
 * Every component is dlopen'ed once, by its registered path, and stays
 * until CoFreeUnusedLibraries finds that its DllCanUnloadNow says S_OK.
 * `pins` counts the DllGetClassObject calls in progress, which run without
 * the mutex (a component may activate others from there) and during which
 * the component must not be unloaded.
 */
typedef struct component {
    struct component *next;
    char *path;
    void *handle;
    LPFNGETCLASSOBJECT get_class_object;
    LPFNCANUNLOADNOW can_unload_now; /* NULL: never unloaded, as on Windows */
    size_t pins;
} component;

static pthread_mutex_t components_mutex = PTHREAD_MUTEX_INITIALIZER;
static component *components;

/* ISO C has no conversion from dlsym's object pointer to a function
 * pointer; POSIX guarantees the representation is the same. */
_Static_assert(sizeof(void *) == sizeof(LPFNGETCLASSOBJECT), "dlsym results fit in a pointer");

static component *find_loaded(const char *path, void *handle)
{
    component *c;

    for (c = components; c; c = c->next)
        if ((path && strcmp(c->path, path) == 0) || (handle && c->handle == handle))
            return c;
    return NULL;
}

/* Called with components_mutex held.  A component's ELF constructors run
 * under it, so they must not activate classes themselves. */
static HRESULT load_component(const char *path, const char *context, component **out)
{
    component *c;
    void *handle, *get, *can_unload;

    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return server_fail(CO_E_ERRORINDLL, "%scomponent %s: %s", context, path, dlerror());
    /* Another path to a file already loaded: keep the first entry. */
    c = find_loaded(NULL, handle);
    if (c) {
        dlclose(handle);
        *out = c;
        return S_OK;
    }
    get = dlsym(handle, "DllGetClassObject");
    if (!get) {
        dlclose(handle);
        return server_fail(CO_E_ERRORINDLL, "%scomponent %s: no DllGetClassObject", context,
                             path);
    }
    can_unload = dlsym(handle, "DllCanUnloadNow");
    c = calloc(1, sizeof(*c));
    if (c)
        c->path = malloc(strlen(path) + 1);
    if (!c || !c->path) {
        free(c);
        dlclose(handle);
        return server_fail(E_OUTOFMEMORY, "ccw: out of memory");
    }
    strcpy(c->path, path);
    c->handle = handle;
    memcpy(&c->get_class_object, &get, sizeof(get));
    if (can_unload)
        memcpy(&c->can_unload_now, &can_unload, sizeof(can_unload));
    c->next = components;
    components = c;
    *out = c;
    return S_OK;
}

static HRESULT pin_component(const char *path, const char *context, component **out)
{
    component *c;
    HRESULT hr = S_OK;

    pthread_mutex_lock(&components_mutex);
    c = find_loaded(path, NULL);
    if (!c)
        hr = load_component(path, context, &c);
    if (SUCCEEDED(hr)) {
        c->pins++;
        *out = c;
    }
    pthread_mutex_unlock(&components_mutex);
    return hr;
}

static void unpin_component(component *c)
{
    pthread_mutex_lock(&components_mutex);
    c->pins--;
    pthread_mutex_unlock(&components_mutex);
}

/*
 * Unloading is immediate.  Windows delays the unload of free-threaded
 * servers (dwUnloadDelay) so that a thread still returning from a final
 * Release has left the component's code; a program that releases objects
 * on other threads must likewise call this only once those threads are done.
 */
void STDAPICALLTYPE CoFreeUnusedLibraries(void)
{
    component **link, *c;

    pthread_mutex_lock(&components_mutex);
    for (link = &components; (c = *link) != NULL;) {
        if (c->pins == 0 && c->can_unload_now && c->can_unload_now() == S_OK) {
            *link = c->next;
            dlclose(c->handle);
            free(c->path);
            free(c);
        } else {
            link = &c->next;
        }
    }
    pthread_mutex_unlock(&components_mutex);
}

void STDAPICALLTYPE CoFreeUnusedLibrariesEx(DWORD dwUnloadDelay, DWORD dwReserved)
{
    (void)dwUnloadDelay; /* see CoFreeUnusedLibraries */
    (void)dwReserved;
    CoFreeUnusedLibraries();
}

/* ---- Activation --------------------------------------------------------- */

HRESULT STDAPICALLTYPE CoGetClassObject(REFCLSID rclsid, DWORD dwClsContext, LPVOID pvReserved,
                                        REFIID riid, LPVOID *ppv)
{
    char clsid_text[REGISTRY_CLSID_TEXT_SIZE];
    char context[CCW_ERROR_MESSAGE_MAX];
    ccw_registry_entry entry;
    component *c;
    HRESULT hr;

    /* A COSERVERINFO names a remote machine, which no in-process server needs. */
    (void)pvReserved;
    if (!ppv)
        return E_INVALIDARG;
    *ppv = NULL;
    if (!rclsid || !riid)
        return E_INVALIDARG;
    if (!(dwClsContext & CLSCTX_INPROC_SERVER))
        return REGDB_E_CLASSNOTREG;
    hr = registry_find_clsid(rclsid, &entry);
    if (FAILED(hr))
        return hr;
    registry_clsid_to_text(rclsid, clsid_text);
    snprintf(context, sizeof(context), "registry %s: class %s: ", entry.registry, clsid_text);
    hr = registry_check_component(entry.path, context);
    if (SUCCEEDED(hr))
        hr = pin_component(entry.path, context, &c);
    if (SUCCEEDED(hr)) {
        hr = c->get_class_object(rclsid, riid, ppv);
        unpin_component(c);
        if (FAILED(hr))
            *ppv = NULL;
    }
    registry_entry_clear(&entry);
    return hr;
}

HRESULT STDAPICALLTYPE CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext,
                                        REFIID riid, LPVOID *ppv)
{
    IClassFactory *factory;
    HRESULT hr;

    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!riid)
        return E_INVALIDARG;
    hr = CoGetClassObject(rclsid, dwClsContext, NULL, &IID_IClassFactory, (void **)&factory);
    if (FAILED(hr))
        return hr;
    hr = IClassFactory_CreateInstance(factory, pUnkOuter, riid, ppv);
    IClassFactory_Release(factory);
    if (FAILED(hr))
        *ppv = NULL;
    return hr;
}

/* ---- ProgIDs ------------------------------------------------------------ */

/* As Windows, a failure leaves CLSID_NULL in *lpclsid. */
HRESULT STDAPICALLTYPE CLSIDFromProgID(LPCOLESTR lpszProgID, LPCLSID lpclsid)
{
    /* Longer ProgIDs cannot be registered; their UTF-8 is ASCII anyway. */
    char progid[CCW_PROGID_MAX + 1];
    ccw_registry_entry entry;
    size_t len;
    HRESULT hr;

    if (!lpszProgID || !lpclsid)
        return E_INVALIDARG;
    memset(lpclsid, 0, sizeof(*lpclsid));
    if (FAILED(ccw_utf16_to_utf8(lpszProgID, CCW_NUL_TERMINATED, progid, sizeof(progid) - 1,
                                 &len)))
        return CO_E_CLASSSTRING;
    progid[len] = '\0';
    if (!ccw_progid_is_valid(progid))
        return CO_E_CLASSSTRING;
    hr = registry_find_progid(progid, &entry);
    if (FAILED(hr))
        return hr;
    *lpclsid = entry.clsid;
    registry_entry_clear(&entry);
    return S_OK;
}

/* As Windows, a failure leaves NULL in *lplpszProgID. */
HRESULT STDAPICALLTYPE ProgIDFromCLSID(REFCLSID clsid, LPOLESTR *lplpszProgID)
{
    ccw_registry_entry entry;
    size_t len;
    OLECHAR *progid = NULL;
    HRESULT hr;

    if (!lplpszProgID)
        return E_INVALIDARG;
    *lplpszProgID = NULL;
    if (!clsid)
        return E_INVALIDARG;
    hr = registry_find_clsid(clsid, &entry);
    if (FAILED(hr))
        return hr;
    if (!entry.progid) {
        hr = REGDB_E_CLASSNOTREG;
        goto cleanup;
    }
    hr = ccw_utf8_to_utf16(entry.progid, CCW_NUL_TERMINATED, NULL, 0, &len);
    if (FAILED(hr))
        goto cleanup;
    progid = CoTaskMemAlloc((len + 1) * sizeof(OLECHAR));
    if (!progid) {
        hr = E_OUTOFMEMORY;
        goto cleanup;
    }
    hr = ccw_utf8_to_utf16(entry.progid, CCW_NUL_TERMINATED, progid, len, &len);
    if (FAILED(hr))
        goto cleanup;
    progid[len] = 0;
    *lplpszProgID = progid;
    progid = NULL;

cleanup:
    CoTaskMemFree(progid);
    registry_entry_clear(&entry);
    return hr;
}
