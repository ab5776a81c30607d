/*
 * compat/memory.c - the COM task allocator: CoTaskMem* and CoGetMalloc.
 *
 * Task memory is plain malloc memory, so whatever a COM client or the runtime
 * allocates here may be freed with free() and the other way round. The
 * process-wide IMalloc is one static object over the same functions.
 */
#include <ccw/com.h>

#include <stdlib.h>

#ifdef __linux__
#include <malloc.h>
#endif

LPVOID STDAPICALLTYPE CoTaskMemAlloc(SIZE_T cb)
{
    /* Windows hands out a valid, distinct block for 0 bytes; malloc(0) may return NULL. */
    return malloc(cb ? cb : 1);
}

LPVOID STDAPICALLTYPE CoTaskMemRealloc(LPVOID pv, SIZE_T cb)
{
    if (!pv)
        return CoTaskMemAlloc(cb);
    /* As Windows: resizing a block to 0 bytes frees it. */
    if (cb == 0) {
        free(pv);
        return NULL;
    }
    return realloc(pv, cb);
}

void STDAPICALLTYPE CoTaskMemFree(LPVOID pv)
{
    free(pv);
}

static HRESULT STDMETHODCALLTYPE task_malloc_QueryInterface(IMalloc *This, REFIID riid, void **ppvObject)
{
    if (!ppvObject)
        return E_POINTER;
    if (riid && (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IMalloc))) {
        *ppvObject = This;
        return S_OK;
    }
    *ppvObject = NULL;
    return E_NOINTERFACE;
}

/* The allocator lives as long as the process: references are not counted. */
static ULONG STDMETHODCALLTYPE task_malloc_AddRef(IMalloc *This)
{
    (void)This;
    return 2;
}

static ULONG STDMETHODCALLTYPE task_malloc_Release(IMalloc *This)
{
    (void)This;
    return 1;
}

static void *STDMETHODCALLTYPE task_malloc_Alloc(IMalloc *This, SIZE_T cb)
{
    (void)This;
    return CoTaskMemAlloc(cb);
}

static void *STDMETHODCALLTYPE task_malloc_Realloc(IMalloc *This, void *pv, SIZE_T cb)
{
    (void)This;
    return CoTaskMemRealloc(pv, cb);
}

static void STDMETHODCALLTYPE task_malloc_Free(IMalloc *This, void *pv)
{
    (void)This;
    CoTaskMemFree(pv);
}

/*
 * The usable size of the block, which is at least the size asked for (Windows
 * promises no more); (SIZE_T)-1 where the C library cannot tell, and for NULL.
 */
static SIZE_T STDMETHODCALLTYPE task_malloc_GetSize(IMalloc *This, void *pv)
{
    (void)This;
    if (!pv)
        return (SIZE_T)-1;
#ifdef __linux__
    return malloc_usable_size(pv);
#else
    return (SIZE_T)-1;
#endif
}

/*
 * -1, "cannot tell", for every pointer: malloc cannot safely be asked whether
 * it owns an arbitrary address.
 */
static int STDMETHODCALLTYPE task_malloc_DidAlloc(IMalloc *This, void *pv)
{
    (void)This;
    (void)pv;
    return -1;
}

static void STDMETHODCALLTYPE task_malloc_HeapMinimize(IMalloc *This)
{
    (void)This;
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static const IMallocVtbl task_malloc_vtbl = {
    task_malloc_QueryInterface,
    task_malloc_AddRef,
    task_malloc_Release,
    task_malloc_Alloc,
    task_malloc_Realloc,
    task_malloc_Free,
    task_malloc_GetSize,
    task_malloc_DidAlloc,
    task_malloc_HeapMinimize,
};

static IMalloc task_malloc = { &task_malloc_vtbl };

HRESULT STDAPICALLTYPE CoGetMalloc(DWORD dwMemContext, LPMALLOC *ppMalloc)
{
    if (!ppMalloc)
        return E_POINTER;
    if (dwMemContext != MEMCTX_TASK) {
        *ppMalloc = NULL;
        return E_INVALIDARG;
    }
    *ppMalloc = &task_malloc;
    return S_OK;
}
