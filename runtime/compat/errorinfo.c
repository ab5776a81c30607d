/*
 * errorinfo.c - COM's per-thread error objects off Windows: CreateErrorInfo,
 * SetErrorInfo and GetErrorInfo with oleaut32's behaviour.
 *
 * One object implements both ICreateErrorInfo (what the failing code fills
 * in) and IErrorInfo (what the caller reads).  Like Windows' error objects it
 * is filled in by one thread and then only read, so its fields are not
 * locked; its reference count is atomic.
 */
#include <ccw/com.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct error_info {
    const ICreateErrorInfoVtbl *create_vtbl; /* first: the object's identity */
    const IErrorInfoVtbl *info_vtbl;
    _Atomic ULONG refs;
    GUID guid;
    BSTR source;
    BSTR description;
    BSTR help_file;
    DWORD help_context;
} error_info;

static error_info *from_create(ICreateErrorInfo *iface)
{
    return (error_info *)(void *)((char *)iface - offsetof(error_info, create_vtbl));
}

static error_info *from_info(IErrorInfo *iface)
{
    return (error_info *)(void *)((char *)iface - offsetof(error_info, info_vtbl));
}

static ICreateErrorInfo *create_iface(error_info *error)
{
    return (ICreateErrorInfo *)(void *)&error->create_vtbl;
}

static IErrorInfo *info_iface(error_info *error)
{
    return (IErrorInfo *)(void *)&error->info_vtbl;
}

/* ---- IUnknown, shared by both interfaces ------------------------------- */

static ULONG error_add_ref(error_info *error)
{
    return atomic_fetch_add_explicit(&error->refs, 1, memory_order_relaxed) + 1;
}

static ULONG error_release(error_info *error)
{
    ULONG left = atomic_fetch_sub_explicit(&error->refs, 1, memory_order_acq_rel) - 1;

    if (left == 0) {
        SysFreeString(error->source);
        SysFreeString(error->description);
        SysFreeString(error->help_file);
        free(error);
    }
    return left;
}

static HRESULT error_query_interface(error_info *error, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ICreateErrorInfo)) {
        *ppv = create_iface(error);
    } else if (IsEqualIID(riid, &IID_IErrorInfo)) {
        *ppv = info_iface(error);
    } else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    error_add_ref(error);
    return S_OK;
}

/* ---- ICreateErrorInfo -------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE create_query_interface(ICreateErrorInfo *This, REFIID riid,
                                                        void **ppv)
{
    return error_query_interface(from_create(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE create_add_ref(ICreateErrorInfo *This)
{
    return error_add_ref(from_create(This));
}

static ULONG STDMETHODCALLTYPE create_release(ICreateErrorInfo *This)
{
    return error_release(from_create(This));
}

static HRESULT STDMETHODCALLTYPE create_set_guid(ICreateErrorInfo *This, REFGUID rguid)
{
    if (!rguid)
        return E_INVALIDARG;
    from_create(This)->guid = *rguid;
    return S_OK;
}

/* Replace a text field with a copy of `text` (NULL empties it). */
static HRESULT replace_text(BSTR *field, const OLECHAR *text)
{
    BSTR copy = SysAllocString(text);

    if (text && !copy)
        return E_OUTOFMEMORY;
    SysFreeString(*field);
    *field = copy;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE create_set_source(ICreateErrorInfo *This, LPOLESTR source)
{
    return replace_text(&from_create(This)->source, source);
}

static HRESULT STDMETHODCALLTYPE create_set_description(ICreateErrorInfo *This,
                                                        LPOLESTR description)
{
    return replace_text(&from_create(This)->description, description);
}

static HRESULT STDMETHODCALLTYPE create_set_help_file(ICreateErrorInfo *This, LPOLESTR help_file)
{
    return replace_text(&from_create(This)->help_file, help_file);
}

static HRESULT STDMETHODCALLTYPE create_set_help_context(ICreateErrorInfo *This, DWORD context)
{
    from_create(This)->help_context = context;
    return S_OK;
}

static const ICreateErrorInfoVtbl create_vtbl = {
    .QueryInterface = create_query_interface,
    .AddRef = create_add_ref,
    .Release = create_release,
    .SetGUID = create_set_guid,
    .SetSource = create_set_source,
    .SetDescription = create_set_description,
    .SetHelpFile = create_set_help_file,
    .SetHelpContext = create_set_help_context,
};

/* ---- IErrorInfo -------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE info_query_interface(IErrorInfo *This, REFIID riid, void **ppv)
{
    return error_query_interface(from_info(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE info_add_ref(IErrorInfo *This)
{
    return error_add_ref(from_info(This));
}

static ULONG STDMETHODCALLTYPE info_release(IErrorInfo *This)
{
    return error_release(from_info(This));
}

static HRESULT STDMETHODCALLTYPE info_get_guid(IErrorInfo *This, GUID *out)
{
    if (!out)
        return E_INVALIDARG;
    *out = from_info(This)->guid;
    return S_OK;
}

/* Hand out a copy of a text field: the caller frees it with SysFreeString. */
static HRESULT copy_text(BSTR *out, BSTR field)
{
    BSTR copy;

    if (!out)
        return E_INVALIDARG;
    copy = SysAllocString(field);
    if (field && !copy)
        return E_OUTOFMEMORY;
    *out = copy;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE info_get_source(IErrorInfo *This, BSTR *out)
{
    return copy_text(out, from_info(This)->source);
}

static HRESULT STDMETHODCALLTYPE info_get_description(IErrorInfo *This, BSTR *out)
{
    return copy_text(out, from_info(This)->description);
}

static HRESULT STDMETHODCALLTYPE info_get_help_file(IErrorInfo *This, BSTR *out)
{
    return copy_text(out, from_info(This)->help_file);
}

static HRESULT STDMETHODCALLTYPE info_get_help_context(IErrorInfo *This, DWORD *out)
{
    if (!out)
        return E_INVALIDARG;
    *out = from_info(This)->help_context;
    return S_OK;
}

static const IErrorInfoVtbl info_vtbl = {
    .QueryInterface = info_query_interface,
    .AddRef = info_add_ref,
    .Release = info_release,
    .GetGUID = info_get_guid,
    .GetSource = info_get_source,
    .GetDescription = info_get_description,
    .GetHelpFile = info_get_help_file,
    .GetHelpContext = info_get_help_context,
};

HRESULT STDAPICALLTYPE CreateErrorInfo(ICreateErrorInfo **pperrinfo)
{
    error_info *error;

    if (!pperrinfo)
        return E_INVALIDARG;
    error = calloc(1, sizeof(*error));
    if (!error)
        return E_OUTOFMEMORY;
    error->create_vtbl = &create_vtbl;
    error->info_vtbl = &info_vtbl;
    atomic_init(&error->refs, 1);
    *pperrinfo = create_iface(error);
    return S_OK;
}

/* ---- The per-thread slot ----------------------------------------------- */

/* The error object of this thread, as SetErrorInfo left it. */
static _Thread_local IErrorInfo *thread_error;

/* A thread that exits with an error object in its slot would leak it; a
 * pthread key whose value is the address of that thread's slot gets a
 * destructor call at thread exit, which releases it. */
static pthread_key_t exit_key;
static bool exit_key_created;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void release_at_thread_exit(void *slot)
{
    IErrorInfo **error = slot;
    IErrorInfo *left = *error;

    *error = NULL;
    if (left)
        left->lpVtbl->Release(left);
}

static void create_exit_key(void)
{
    exit_key_created = pthread_key_create(&exit_key, release_at_thread_exit) == 0;
}

/* Without a key (the process ran out of them) the only loss is that an
 * error object left in an exiting thread's slot is not released. */
static void release_slot_at_thread_exit(void)
{
    pthread_once(&exit_key_once, create_exit_key);
    if (exit_key_created && !pthread_getspecific(exit_key))
        pthread_setspecific(exit_key, &thread_error);
}

/* libccw may be unloaded (dlclose of the last component using it) while
 * threads still run: their exit must not call into unmapped code. */
__attribute__((destructor)) static void delete_exit_key(void)
{
    if (exit_key_created)
        pthread_key_delete(exit_key);
}

HRESULT STDAPICALLTYPE SetErrorInfo(ULONG dwReserved, IErrorInfo *perrinfo)
{
    IErrorInfo *previous;

    if (dwReserved != 0)
        return E_INVALIDARG;
    if (perrinfo) {
        perrinfo->lpVtbl->AddRef(perrinfo);
        release_slot_at_thread_exit();
    }
    previous = thread_error;
    thread_error = perrinfo;
    /* Released last: its Release may run code that sets a new error. */
    if (previous)
        previous->lpVtbl->Release(previous);
    return S_OK;
}

HRESULT STDAPICALLTYPE GetErrorInfo(ULONG dwReserved, IErrorInfo **pperrinfo)
{
    if (dwReserved != 0 || !pperrinfo)
        return E_INVALIDARG;
    *pperrinfo = thread_error;
    thread_error = NULL;
    return *pperrinfo ? S_OK : S_FALSE;
}
