/*
 * compat/variant.c - VariantInit, VariantClear, VariantCopy, VariantCopyInd.
 *
 * The rules for which types are valid follow oleaut32 as Wine's conformance
 * tests record it: a base type of VT_EMPTY..VT_DECIMAL, VT_I1..VT_UINT or
 * VT_CLSID, optionally with VT_BYREF and/or VT_ARRAY (then above VT_NULL);
 * anything else is DISP_E_BADVARTYPE. VT_CLSID may be cleared but not copied.
 *
 * Deviations: VT_RECORD is refused with DISP_E_BADVARTYPE. Records belong to a
 * later stage of ccw; until then nothing creates them, and refusing them is
 * safer than guessing who owns pvRecord. NULL arguments, and VariantCopyInd of
 * a NULL reference, give E_INVALIDARG where oleaut32 would crash.
 */
#include <ccw/com.h>

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define VT_FLAGS_MASK ((VARTYPE)~VT_TYPEMASK)

static bool is_valid_base_type(VARTYPE base)
{
    return base <= VT_DECIMAL || (base >= VT_I1 && base <= VT_UINT) || base == VT_CLSID;
}

/* What VariantClear accepts. */
static bool is_valid_type(VARTYPE vt)
{
    VARTYPE base = vt & VT_TYPEMASK;
    VARTYPE flags = vt & VT_FLAGS_MASK;

    if (flags & ~(VT_BYREF | VT_ARRAY))
        return false;
    if (flags && base <= VT_NULL)
        return false;
    return is_valid_base_type(base);
}

/* What VariantCopy accepts as a source. */
static bool is_copyable_type(VARTYPE vt)
{
    return is_valid_type(vt) && (vt & VT_TYPEMASK) != VT_CLSID;
}

/* The size of the scalar a VT_BYREF variant of this base type points to. */
static size_t referenced_size(VARTYPE base)
{
    switch (base) {
    case VT_I1:
    case VT_UI1:
        return 1;
    case VT_I2:
    case VT_UI2:
    case VT_BOOL:
        return 2;
    case VT_I4:
    case VT_UI4:
    case VT_INT:
    case VT_UINT:
    case VT_R4:
    case VT_ERROR:
        return 4;
    case VT_BSTR:
        return sizeof(BSTR);
    case VT_UNKNOWN:
    case VT_DISPATCH:
        return sizeof(IUnknown *);
    default: /* VT_I8, VT_UI8, VT_R8, VT_CY, VT_DATE */
        return 8;
    }
}

CCW_API void STDAPICALLTYPE VariantInit(VARIANTARG *pvarg)
{
    /* Like oleaut32, only the type is set: the value bytes are not touched. */
    V_VT(pvarg) = VT_EMPTY;
}

/* Frees, releases or destroys what the variant owns; references own nothing. */
CCW_API HRESULT STDAPICALLTYPE VariantClear(VARIANTARG *pvarg)
{
    VARTYPE vt;

    if (!pvarg)
        return E_INVALIDARG;
    vt = V_VT(pvarg);
    if (!is_valid_type(vt))
        return DISP_E_BADVARTYPE;
    if ((vt & VT_ARRAY) && !(vt & VT_BYREF)) {
        HRESULT hr = SafeArrayDestroy(V_ARRAY(pvarg));

        if (FAILED(hr))
            return hr;
    } else if (vt == VT_BSTR) {
        SysFreeString(V_BSTR(pvarg));
    } else if ((vt == VT_UNKNOWN || vt == VT_DISPATCH) && V_UNKNOWN(pvarg)) {
        IUnknown_Release(V_UNKNOWN(pvarg));
    }
    /* Only the type changes, as in oleaut32: the stale value stays readable. */
    V_VT(pvarg) = VT_EMPTY;
    return S_OK;
}

/*
 * Makes dest an independent copy of src, whose type was validated; dest holds
 * nothing. By-reference variants are copied as they are: only the pointer.
 */
static HRESULT copy_value(VARIANTARG *dest, const VARIANTARG *src)
{
    VARTYPE vt = V_VT(src);
    HRESULT hr = S_OK;

    *dest = *src;
    if (vt & VT_BYREF)
        return S_OK;
    if (vt & VT_ARRAY) {
        hr = SafeArrayCopy(V_ARRAY(src), &V_ARRAY(dest));
    } else if (vt == VT_BSTR) {
        /* The byte length is kept, odd lengths included; a NULL BSTR copies as "". */
        BSTR from = V_BSTR(src);

        V_BSTR(dest) = SysAllocStringByteLen((LPCSTR)from, from ? SysStringByteLen(from) : 0);
        if (!V_BSTR(dest))
            hr = E_OUTOFMEMORY;
    } else if ((vt == VT_UNKNOWN || vt == VT_DISPATCH) && V_UNKNOWN(src)) {
        IUnknown_AddRef(V_UNKNOWN(src));
    }
    if (FAILED(hr))
        V_VT(dest) = VT_EMPTY;
    return hr;
}

/*
 * Clears the destination, then copies deeply: strings are duplicated (NULL as
 * ""), interfaces AddRef'd, arrays copied; a reference is copied as a pointer.
 */
CCW_API HRESULT STDAPICALLTYPE VariantCopy(VARIANTARG *pvargDest, const VARIANTARG *pvargSrc)
{
    HRESULT hr;

    if (!pvargDest || !pvargSrc)
        return E_INVALIDARG;
    if (!is_copyable_type(V_VT(pvargSrc)))
        return DISP_E_BADVARTYPE;
    if (pvargDest == pvargSrc)
        return S_OK;
    hr = VariantClear(pvargDest);
    if (FAILED(hr))
        return hr;
    return copy_value(pvargDest, pvargSrc);
}

/* oleaut32's rule for the by-reference variants VariantCopyInd can follow. */
static bool is_dereferenceable_type(VARTYPE vt)
{
    VARTYPE base = vt & VT_TYPEMASK;
    VARTYPE flags = vt & VT_FLAGS_MASK & (VARTYPE)~VT_BYREF;

    if (flags == VT_ARRAY)
        return is_copyable_type(vt & (VARTYPE)~VT_BYREF);
    return !flags && base > VT_NULL && base < VT_VOID && is_valid_base_type(base);
}

/* Makes out an independent copy of what the by-reference variant src points to. */
static HRESULT copy_referenced(VARIANT *out, const VARIANTARG *src)
{
    VARTYPE vt = V_VT(src) & (VARTYPE)~VT_BYREF;
    VARIANT view;

    if (!is_dereferenceable_type(V_VT(src)) || !V_BYREF(src))
        return E_INVALIDARG;
    if (vt == VT_VARIANT) {
        const VARIANT *target = V_VARIANTREF(src);

        /* One level only: a reference to a reference to a VARIANT is refused. */
        if (V_VT(target) == (VT_VARIANT | VT_BYREF))
            return E_INVALIDARG;
        if (V_VT(target) & VT_BYREF)
            return copy_referenced(out, target);
        if (!is_copyable_type(V_VT(target)))
            return DISP_E_BADVARTYPE;
        return copy_value(out, target);
    }
    if (vt & VT_ARRAY) {
        SAFEARRAY *copy;
        HRESULT hr = SafeArrayCopy(*V_ARRAYREF(src), &copy);

        if (FAILED(hr))
            return hr;
        V_VT(out) = vt;
        V_ARRAY(out) = copy;
        return S_OK;
    }
    /* A by-value view of the referenced value, which copy_value then duplicates. */
    memset(&view, 0, sizeof(view));
    if (vt == VT_DECIMAL)
        V_DECIMAL(&view) = *V_DECIMALREF(src);
    else
        memcpy(&V_UI8(&view), V_BYREF(src), referenced_size(vt));
    V_VT(&view) = vt;
    return copy_value(out, &view);
}

/*
 * VariantCopy, except that a reference is followed (through one VT_VARIANT
 * level) and its target copied by value; oleaut32's rule decides which
 * references qualify, and E_INVALIDARG answers the others.
 */
CCW_API HRESULT STDAPICALLTYPE VariantCopyInd(VARIANT *pvarDest, const VARIANTARG *pvargSrc)
{
    VARIANT value;
    HRESULT hr;

    if (!pvarDest || !pvargSrc)
        return E_INVALIDARG;
    if (!(V_VT(pvargSrc) & VT_BYREF))
        return VariantCopy(pvarDest, pvargSrc);
    /* The copy is made first, so that pvarDest may be pvargSrc itself. */
    VariantInit(&value);
    hr = copy_referenced(&value, pvargSrc);
    if (FAILED(hr))
        return hr;
    hr = VariantClear(pvarDest);
    if (FAILED(hr)) {
        VariantClear(&value);
        return hr;
    }
    *pvarDest = value;
    return S_OK;
}
