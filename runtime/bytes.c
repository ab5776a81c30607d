/*
 * bytes.c - SAFEARRAY(BYTE) <-> C bytes, for generated thunks and Invoke.
 *
 * Built on every platform: only the standard SafeArray API is used.
 */
#include <ccw/runtime.h>

#include <string.h>

HRESULT ccw_safearray_bytes(SAFEARRAY *array, void **data, ULONG *count)
{
    if (!data || !count)
        return E_POINTER;
    if (!array) {
        *data = NULL;
        *count = 0;
        return S_OK;
    }
    if (SafeArrayGetDim(array) != 1 || SafeArrayGetElemsize(array) != 1)
        return E_INVALIDARG;
    *data = array->pvData;
    *count = array->rgsabound[0].cElements;
    return S_OK;
}

HRESULT ccw_safearray_from_bytes(const void *data, ULONGLONG count, SAFEARRAY **out)
{
    SAFEARRAY *array;

    if (!out)
        return E_POINTER;
    if (count > 0xFFFFFFFFu)
        return E_OUTOFMEMORY;
    if (!data)
        count = 0;
    array = SafeArrayCreateVector(VT_UI1, 0, (ULONG)count);
    if (!array)
        return E_OUTOFMEMORY;
    if (count)
        memcpy(array->pvData, data, (size_t)count);
    *out = array;
    return S_OK;
}
