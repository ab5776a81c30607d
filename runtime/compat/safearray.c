/*
 * compat/safearray.c - the SAFEARRAY subset of oleaut32 that libccw needs.
 *
 * Layout, as in oleaut32: every descriptor is preceded by a 16-byte prefix.
 * An array of interfaces (FADF_HAVEIID) keeps its IID in the whole prefix; any
 * other typed array (FADF_HAVEVARTYPE) keeps its VARTYPE as a 32-bit value in
 * the last 4 bytes of it, just before the descriptor, where callers that know
 * oleaut32's layout look for it. SafeArrayCreateVector puts the descriptor and
 * the data in one block (FADF_CREATEVECTOR); a copy has its data apart.
 *
 * Element ownership follows the feature flags: FADF_BSTR elements are freed,
 * FADF_UNKNOWN/FADF_DISPATCH elements released and FADF_VARIANT elements
 * cleared when the array is destroyed, and deep-copied when it is copied.
 * Lock counts are plain counters: like oleaut32's, they do not make sharing an
 * array between threads safe, so callers serialise such use themselves.
 */
#include <ccw/com.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* oleaut32 sets this flag on vectors but the Windows headers do not name it. */
#ifndef FADF_CREATEVECTOR
#define FADF_CREATEVECTOR 0x2000
#endif

/* Room for an IID before the descriptor; the VARTYPE uses its last 4 bytes. */
#define SAFEARRAY_PREFIX_SIZE sizeof(GUID)

/* Data placed after a descriptor starts on the strictest fundamental alignment. */
#define SAFEARRAY_DATA_ALIGN _Alignof(max_align_t)

/* oleaut32 refuses the 65536th lock. */
#define SAFEARRAY_MAX_LOCKS 65535u

/* Flags that describe how one array was allocated, not what it holds: a copy drops them. */
#define SAFEARRAY_STORAGE_FLAGS \
    (FADF_AUTO | FADF_STATIC | FADF_EMBEDDED | FADF_FIXEDSIZE | FADF_CREATEVECTOR)

/* Flags of a descriptor the caller provided (on the stack, in a struct): never freed here. */
#define SAFEARRAY_FOREIGN_DESCRIPTOR (FADF_AUTO | FADF_EMBEDDED)

/* Flags of data the caller provided: cleared but never freed here. */
#define SAFEARRAY_FOREIGN_DATA (FADF_AUTO | FADF_EMBEDDED | FADF_STATIC | FADF_CREATEVECTOR)

/* Flags saying the 16 bytes before the descriptor hold its element type. */
#define SAFEARRAY_PREFIX_FLAGS (FADF_HAVEIID | FADF_HAVEVARTYPE | FADF_RECORD)

/* The element types oleaut32 makes arrays of, with the fFeatures it gives them. */
static const struct {
    VARTYPE vt;
    USHORT size;
    USHORT features;
} element_types[] = {
    {VT_I1, 1, FADF_HAVEVARTYPE},
    {VT_UI1, 1, FADF_HAVEVARTYPE},
    {VT_I2, 2, FADF_HAVEVARTYPE},
    {VT_UI2, 2, FADF_HAVEVARTYPE},
    {VT_BOOL, sizeof(VARIANT_BOOL), FADF_HAVEVARTYPE},
    {VT_I4, 4, FADF_HAVEVARTYPE},
    {VT_UI4, 4, FADF_HAVEVARTYPE},
    {VT_INT, sizeof(INT), FADF_HAVEVARTYPE},
    {VT_UINT, sizeof(UINT), FADF_HAVEVARTYPE},
    {VT_R4, sizeof(FLOAT), FADF_HAVEVARTYPE},
    {VT_ERROR, sizeof(SCODE), FADF_HAVEVARTYPE},
    {VT_I8, 8, FADF_HAVEVARTYPE},
    {VT_UI8, 8, FADF_HAVEVARTYPE},
    {VT_R8, sizeof(DOUBLE), FADF_HAVEVARTYPE},
    {VT_CY, sizeof(CY), FADF_HAVEVARTYPE},
    {VT_DATE, sizeof(DATE), FADF_HAVEVARTYPE},
    {VT_DECIMAL, sizeof(DECIMAL), FADF_HAVEVARTYPE},
    {VT_BSTR, sizeof(BSTR), FADF_HAVEVARTYPE | FADF_BSTR},
    {VT_VARIANT, sizeof(VARIANT), FADF_HAVEVARTYPE | FADF_VARIANT},
    {VT_UNKNOWN, sizeof(IUnknown *), FADF_HAVEIID | FADF_UNKNOWN},
    {VT_DISPATCH, sizeof(IDispatch *), FADF_HAVEIID | FADF_DISPATCH},
};

/* The entry for vt, or -1 for a type there are no arrays of. */
static int find_element_type(VARTYPE vt)
{
    for (size_t i = 0; i < sizeof(element_types) / sizeof(element_types[0]); i++) {
        if (element_types[i].vt == vt)
            return (int)i;
    }
    return -1;
}

static unsigned char *prefix_of(SAFEARRAY *psa)
{
    return (unsigned char *)psa - SAFEARRAY_PREFIX_SIZE;
}

static void store_vartype(SAFEARRAY *psa, VARTYPE vt)
{
    uint32_t stored = vt;

    memcpy(prefix_of(psa) + SAFEARRAY_PREFIX_SIZE - sizeof(stored), &stored, sizeof(stored));
}

static VARTYPE stored_vartype(SAFEARRAY *psa)
{
    uint32_t stored;

    memcpy(&stored, prefix_of(psa) + SAFEARRAY_PREFIX_SIZE - sizeof(stored), sizeof(stored));
    return (VARTYPE)stored;
}

static size_t descriptor_size(USHORT dims)
{
    return offsetof(SAFEARRAY, rgsabound) + (size_t)dims * sizeof(SAFEARRAYBOUND);
}

static size_t round_up(size_t size, size_t align)
{
    return (size + align - 1) / align * align;
}

/* The number of elements, or false when it overflows a size_t. */
static bool count_elements(const SAFEARRAY *psa, size_t *count)
{
    size_t total = 1;

    for (USHORT i = 0; i < psa->cDims; i++) {
        size_t n = psa->rgsabound[i].cElements;

        if (n && total > SIZE_MAX / n)
            return false;
        total *= n;
    }
    *count = total;
    return true;
}

/* Frees, releases or clears what the elements own, leaving them zeroed. */
static void clear_elements(SAFEARRAY *psa)
{
    size_t count;

    if (!psa->pvData || !count_elements(psa, &count))
        return;
    if (psa->fFeatures & FADF_BSTR) {
        BSTR *items = psa->pvData;

        for (size_t i = 0; i < count; i++)
            SysFreeString(items[i]);
    } else if (psa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) {
        IUnknown **items = psa->pvData;

        for (size_t i = 0; i < count; i++) {
            if (items[i])
                IUnknown_Release(items[i]);
        }
    } else if (psa->fFeatures & FADF_VARIANT) {
        VARIANT *items = psa->pvData;

        for (size_t i = 0; i < count; i++)
            VariantClear(&items[i]);
    } else {
        return;
    }
    memset(psa->pvData, 0, count * psa->cbElements);
}

/* Copies count elements of src's kind into zeroed storage at dst. */
static HRESULT copy_elements(const SAFEARRAY *src, void *dst, size_t count)
{
    if (src->fFeatures & FADF_BSTR) {
        BSTR *from = src->pvData, *to = dst;

        for (size_t i = 0; i < count; i++) {
            if (!from[i])
                continue;
            to[i] = SysAllocStringByteLen((LPCSTR)from[i], SysStringByteLen(from[i]));
            if (!to[i])
                return E_OUTOFMEMORY;
        }
    } else if (src->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) {
        IUnknown **from = src->pvData, **to = dst;

        for (size_t i = 0; i < count; i++) {
            to[i] = from[i];
            if (to[i])
                IUnknown_AddRef(to[i]);
        }
    } else if (src->fFeatures & FADF_VARIANT) {
        VARIANT *from = src->pvData, *to = dst;

        for (size_t i = 0; i < count; i++) {
            HRESULT hr = VariantCopy(&to[i], &from[i]);

            if (FAILED(hr))
                return hr;
        }
    } else {
        memcpy(dst, src->pvData, count * src->cbElements);
    }
    return S_OK;
}

/* Allocates a zeroed descriptor of dims dimensions with extra zeroed bytes after it. */
static SAFEARRAY *alloc_descriptor(USHORT dims, size_t extra, size_t *extra_offset)
{
    size_t offset = round_up(SAFEARRAY_PREFIX_SIZE + descriptor_size(dims), SAFEARRAY_DATA_ALIGN);
    unsigned char *block;

    if (extra > SIZE_MAX - offset) /* possible only with a 32-bit size_t */
        return NULL;
    block = calloc(1, offset + extra);
    if (!block)
        return NULL;
    *extra_offset = offset - SAFEARRAY_PREFIX_SIZE;
    return (SAFEARRAY *)(void *)(block + SAFEARRAY_PREFIX_SIZE);
}

static void set_element_type(SAFEARRAY *psa, VARTYPE vt)
{
    if (psa->fFeatures & FADF_HAVEIID) {
        const IID *iid = (vt == VT_DISPATCH) ? &IID_IDispatch : &IID_IUnknown;

        memcpy(prefix_of(psa), iid, sizeof(*iid));
    } else {
        store_vartype(psa, vt);
    }
}

/* NULL for a type there are no arrays of (VT_EMPTY, VT_RECORD, ...) or out of memory. */
CCW_API SAFEARRAY *STDAPICALLTYPE SafeArrayCreateVector(VARTYPE vt, LONG lLbound, ULONG cElements)
{
    int type = find_element_type(vt);
    size_t elem_size, data_offset;
    SAFEARRAY *psa;

    if (type < 0)
        return NULL;
    elem_size = element_types[type].size;
    /* Only where size_t has 32 bits can the data size overflow. */
    if (cElements > SIZE_MAX / elem_size)
        return NULL;
    psa = alloc_descriptor(1, (size_t)cElements * elem_size, &data_offset);
    if (!psa)
        return NULL;
    psa->cDims = 1;
    psa->fFeatures = element_types[type].features | FADF_CREATEVECTOR;
    psa->cbElements = (ULONG)elem_size;
    psa->pvData = (unsigned char *)psa + data_offset;
    psa->rgsabound[0].cElements = cElements;
    psa->rgsabound[0].lLbound = lLbound;
    set_element_type(psa, vt);
    return psa;
}

static HRESULT lock_array(SAFEARRAY *psa)
{
    if (psa->cLocks >= SAFEARRAY_MAX_LOCKS)
        return E_UNEXPECTED;
    psa->cLocks++;
    return S_OK;
}

static HRESULT unlock_array(SAFEARRAY *psa)
{
    if (!psa)
        return E_INVALIDARG;
    if (psa->cLocks == 0)
        return E_UNEXPECTED;
    psa->cLocks--;
    return S_OK;
}

/* Locks the array (at most 65535 times: then E_UNEXPECTED) and gives its data. */
CCW_API HRESULT STDAPICALLTYPE SafeArrayAccessData(SAFEARRAY *psa, void **ppvData)
{
    HRESULT hr;

    if (!psa || !ppvData)
        return E_INVALIDARG;
    hr = lock_array(psa);
    if (FAILED(hr))
        return hr;
    *ppvData = psa->pvData;
    return S_OK;
}

/* E_UNEXPECTED when the array is not locked. */
CCW_API HRESULT STDAPICALLTYPE SafeArrayUnaccessData(SAFEARRAY *psa)
{
    return unlock_array(psa);
}

CCW_API UINT STDAPICALLTYPE SafeArrayGetDim(SAFEARRAY *psa)
{
    return psa ? psa->cDims : 0;
}

CCW_API UINT STDAPICALLTYPE SafeArrayGetElemsize(SAFEARRAY *psa)
{
    return psa ? psa->cbElements : 0;
}

/* Dimension nDim (1-based, leftmost first) lives at rgsabound[cDims - nDim], as in oleaut32. */
static HRESULT find_bound(SAFEARRAY *psa, UINT nDim, const SAFEARRAYBOUND **out)
{
    if (!psa)
        return E_INVALIDARG;
    if (nDim == 0 || nDim > psa->cDims)
        return DISP_E_BADINDEX;
    *out = &psa->rgsabound[psa->cDims - nDim];
    return S_OK;
}

CCW_API HRESULT STDAPICALLTYPE SafeArrayGetLBound(SAFEARRAY *psa, UINT nDim, LONG *plLbound)
{
    const SAFEARRAYBOUND *bound;
    HRESULT hr;

    if (!plLbound)
        return E_INVALIDARG;
    hr = find_bound(psa, nDim, &bound);
    if (FAILED(hr))
        return hr;
    *plLbound = bound->lLbound;
    return S_OK;
}

CCW_API HRESULT STDAPICALLTYPE SafeArrayGetUBound(SAFEARRAY *psa, UINT nDim, LONG *plUbound)
{
    const SAFEARRAYBOUND *bound;
    HRESULT hr;

    if (!plUbound)
        return E_INVALIDARG;
    hr = find_bound(psa, nDim, &bound);
    if (FAILED(hr))
        return hr;
    /* Unsigned arithmetic: an empty dimension's upper bound is lLbound - 1, wrapping like Windows. */
    *plUbound = (LONG)((ULONG)bound->lLbound + bound->cElements - 1u);
    return S_OK;
}

/*
 * VT_RECORD, VT_UNKNOWN or VT_DISPATCH from the flags of interface and record
 * arrays, the stored type otherwise, DISP_E_BADVARTYPE when there is neither.
 */
CCW_API HRESULT STDAPICALLTYPE SafeArrayGetVartype(SAFEARRAY *psa, VARTYPE *pvt)
{
    if (!psa || !pvt)
        return E_INVALIDARG;
    if (psa->fFeatures & FADF_RECORD)
        *pvt = VT_RECORD;
    else if (psa->fFeatures & FADF_HAVEIID)
        *pvt = (psa->fFeatures & FADF_DISPATCH) ? VT_DISPATCH : VT_UNKNOWN;
    else if (psa->fFeatures & FADF_HAVEVARTYPE)
        *pvt = stored_vartype(psa);
    else
        return DISP_E_BADVARTYPE;
    return S_OK;
}

/* NULL is S_OK; a locked array is DISP_E_ARRAYISLOCKED and stays as it is. */
CCW_API HRESULT STDAPICALLTYPE SafeArrayDestroy(SAFEARRAY *psa)
{
    if (!psa)
        return S_OK;
    if (psa->cLocks)
        return DISP_E_ARRAYISLOCKED;
    clear_elements(psa);
    if (!(psa->fFeatures & SAFEARRAY_FOREIGN_DATA))
        free(psa->pvData);
    if (!(psa->fFeatures & SAFEARRAY_FOREIGN_DESCRIPTOR))
        free(prefix_of(psa));
    return S_OK;
}

/*
 * A deep copy with its own data block. As in oleaut32, *ppsaOut is set to NULL
 * first: copying NULL gives NULL and S_OK; an array without an element size, or
 * one too large to address, is E_INVALIDARG.
 */
CCW_API HRESULT STDAPICALLTYPE SafeArrayCopy(SAFEARRAY *psa, SAFEARRAY **ppsaOut)
{
    SAFEARRAY *copy = NULL;
    size_t count, unused_offset;
    HRESULT hr;

    if (!ppsaOut)
        return E_INVALIDARG;
    *ppsaOut = NULL;
    if (!psa)
        return S_OK;
    if (!psa->cbElements || !count_elements(psa, &count) || count > SIZE_MAX / psa->cbElements)
        return E_INVALIDARG;
    copy = alloc_descriptor(psa->cDims, 0, &unused_offset);
    if (!copy)
        return E_OUTOFMEMORY;
    if (psa->fFeatures & SAFEARRAY_PREFIX_FLAGS)
        memcpy(prefix_of(copy), prefix_of(psa), SAFEARRAY_PREFIX_SIZE);
    memcpy(copy, psa, descriptor_size(psa->cDims));
    copy->fFeatures &= (USHORT)~SAFEARRAY_STORAGE_FLAGS;
    copy->cLocks = 0;
    copy->pvData = NULL;
    if (psa->pvData) {
        copy->pvData = calloc(count ? count : 1, psa->cbElements);
        if (!copy->pvData) {
            hr = E_OUTOFMEMORY;
            goto cleanup;
        }
        hr = copy_elements(psa, copy->pvData, count);
        if (FAILED(hr))
            goto cleanup;
    }
    *ppsaOut = copy;
    return S_OK;

cleanup:
    SafeArrayDestroy(copy);
    return hr;
}
