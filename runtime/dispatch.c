/*
 * dispatch.c - the engine behind every generated dual IDispatch: name and
 * DISPID lookup through perfect hashes chosen at generation time, and the
 * two halves of Invoke around the early-bound call (argument fetching by
 * position or name, by-reference unwrapping, coercion, optional defaults,
 * write-back of [out] values, the result, EXCEPINFO).  docs/dispatch.md has
 * the rules.
 *
 * Built on every platform: only the standard COM API is used here.
 */
#include "dispatch_private.h"
#include "hash.h"

#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define NO_ARGUMENT UINT_MAX

/* Keeps the general paths (placing and converting arguments, write-back,
 * freeing, EXCEPINFO) out of ccw_dispatch_begin and ccw_dispatch_end, so
 * that their fast paths do not save the registers the general ones need. */
#if defined(__GNUC__) || defined(__clang__)
#define OUT_OF_LINE __attribute__((noinline))
#elif defined(_MSC_VER)
#define OUT_OF_LINE __declspec(noinline)
#else
#define OUT_OF_LINE
#endif

/* ---- Hashing ----------------------------------------------------------- */

/* Keys per table and the sizes searched: from the smallest power of two at
 * which a random seed gives every key a slot of its own with a probability
 * of 1/256 or more, up to 2^20 slots, 1024 seeds each (hash_find_seed).
 * So a seed is found after 256 tries on average at most, and n keys take
 * n^2 / 11 to n^2 / 7 slots (30 names: 128). */
#define MAX_KEYS 65536u
#define MAX_SLOTS (UINT32_C(1) << 20)
#define LIKELY_SHIFT 8 /* the probability sought: 2^-8 */

/* MurmurHash3's 64-bit finalizer (ccw_mix32 is its 32-bit one). */
static uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return h;
}

/* A name's hash is in two steps: a 64-bit hash of the key that does not
 * depend on the seed (FNV-1a over the folded code units, a parameter's
 * member folded in, so that one table holds the parameter names of every
 * method), then the finalizer over that and the seed.  The seed search
 * computes the first step once per key and only the cheap second per
 * seed; 64 bits make two different keys with the same first step (which
 * no seed could separate) as unlikely as can be. */
#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)

static inline OLECHAR fold_ascii(OLECHAR c)
{
    return c >= 'A' && c <= 'Z' ? (OLECHAR)(c + ('a' - 'A')) : c;
}

static uint64_t with_member(uint64_t h, unsigned member, bool is_param)
{
    return is_param ? h ^ mix64((uint64_t)member + 1u) : h;
}

static uint64_t key_base(const ccw_dispatch_name *key)
{
    uint64_t h = FNV_OFFSET;
    size_t i;

    for (i = 0; i < key->length; i++)
        h = (h ^ (unsigned char)key->folded[i]) * FNV_PRIME;
    return with_member(h, key->member, key->param >= 0);
}

/* The first step over the caller's text, folded on the fly; *length
 * receives its length in code units. */
static uint64_t text_base(const OLECHAR *text, size_t *length)
{
    uint64_t h = FNV_OFFSET;
    size_t i;

    for (i = 0; text[i]; i++)
        h = (h ^ fold_ascii(text[i])) * FNV_PRIME;
    *length = i;
    return h;
}

static uint32_t seeded_name_hash(uint64_t base, uint32_t seed)
{
    return (uint32_t)mix64(base ^ seed);
}

CCW_API uint32_t ccw_dispatch_name_hash(const ccw_dispatch_name *key, uint32_t seed)
{
    return seeded_name_hash(key_base(key), seed);
}

static bool same_folded(const ccw_dispatch_name *slot, const OLECHAR *text, size_t length)
{
    size_t i;

    if (!slot->folded || slot->length != length)
        return false;
    for (i = 0; i < length; i++) {
        if (fold_ascii(text[i]) != (unsigned char)slot->folded[i])
            return false;
    }
    return true;
}

/* A DISPID is its own first step. */
static uint32_t seeded_member_hash(uint64_t dispid, uint32_t seed)
{
    return ccw_mix32((uint32_t)dispid ^ seed);
}

/* Inside libccw, Invoke calls this rather than the export (a PLT call). */
static uint32_t member_slot(const ccw_dispatch_shape *shape, DISPID dispid)
{
    return seeded_member_hash((uint32_t)dispid, shape->seed) & shape->mask;
}

CCW_API uint32_t ccw_dispatch_member_slot(const ccw_dispatch_shape *shape, DISPID dispid)
{
    return member_slot(shape, dispid);
}

typedef uint32_t (*seeded_hash)(uint64_t base, uint32_t seed);

/* Whether a random seed separates `count` keys in `slots` slots with a
 * probability of at least 2^-LIKELY_SHIFT: the product of (slots - i) /
 * slots for i < count, in 32-bit fixed point (integers, so that every
 * platform picks the same size). */
static bool likely_size(size_t count, uint32_t slots)
{
    const uint64_t wanted = UINT64_C(1) << (32 - LIKELY_SHIFT);
    uint64_t probability = UINT64_C(1) << 32;
    size_t i;

    for (i = 0; i < count && probability >= wanted; i++)
        probability = probability * (slots - i) / slots;
    return probability >= wanted;
}

/* The smallest size worth searching for `count` keys. */
static uint32_t likely_slots(size_t count)
{
    uint32_t slots;

    for (slots = 1; slots < count || (slots < MAX_SLOTS && !likely_size(count, slots)); slots *= 2)
        ;
    return slots;
}

typedef struct seeded_bases {
    const uint64_t *bases;
    seeded_hash hash;
} seeded_bases;

static uint32_t seeded_base_hash(const void *keys, size_t i, uint32_t seed)
{
    const seeded_bases *b = keys;

    return b->hash(b->bases[i], seed);
}

/* Finds the shape for keys given by their first steps (all different). */
static HRESULT choose_shape(ccw_dispatch_shape *out, const uint64_t *bases, size_t count,
                            seeded_hash hash)
{
    seeded_bases keys = { bases, hash };

    return hash_find_seed(&out->seed, &out->mask, count, likely_slots(count), MAX_SLOTS,
                          seeded_base_hash, &keys);
}

static int compare_bases(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

    return (a > b) - (a < b);
}

/* Sorts the first steps (the order of the keys does not change which seed
 * works) and tells whether two are equal: no seed separates those. */
static bool sort_finds_equal(uint64_t *bases, size_t count)
{
    size_t i;

    qsort(bases, count, sizeof(*bases), compare_bases);
    for (i = 1; i < count; i++) {
        if (bases[i] == bases[i - 1])
            return true;
    }
    return false;
}

static bool same_key(const ccw_dispatch_name *a, const ccw_dispatch_name *b)
{
    return a->length == b->length && a->param == b->param &&
           (a->param < 0 || a->member == b->member) && memcmp(a->folded, b->folded, a->length) == 0;
}

/* Only when two first steps are equal: whether that is two equal keys. */
static bool has_equal_keys(const ccw_dispatch_name *keys, size_t count)
{
    size_t i, j;

    for (i = 0; i < count; i++) {
        for (j = 0; j < i; j++) {
            if (same_key(&keys[i], &keys[j]))
                return true;
        }
    }
    return false;
}

CCW_API HRESULT ccw_dispatch_names_build(ccw_dispatch_shape *out, const ccw_dispatch_name *keys,
                                         size_t count)
{
    uint64_t *bases;
    HRESULT hr;
    size_t i;

    if (!out || !keys)
        return E_POINTER;
    if (count == 0 || count > MAX_KEYS)
        return E_INVALIDARG;
    for (i = 0; i < count; i++) {
        if (!keys[i].folded)
            return E_POINTER;
    }
    bases = malloc(count * sizeof(*bases));
    if (!bases)
        return E_OUTOFMEMORY;
    for (i = 0; i < count; i++)
        bases[i] = key_base(&keys[i]);
    if (sort_finds_equal(bases, count))
        hr = has_equal_keys(keys, count) ? E_INVALIDARG : E_FAIL;
    else
        hr = choose_shape(out, bases, count, seeded_name_hash);
    free(bases);
    return hr;
}

CCW_API HRESULT ccw_dispatch_members_build(ccw_dispatch_shape *out, const DISPID *dispids,
                                           size_t count)
{
    uint64_t *bases;
    HRESULT hr;
    size_t i;

    if (!out || !dispids)
        return E_POINTER;
    if (count == 0 || count > MAX_KEYS)
        return E_INVALIDARG;
    bases = malloc(count * sizeof(*bases));
    if (!bases)
        return E_OUTOFMEMORY;
    for (i = 0; i < count; i++)
        bases[i] = (uint32_t)dispids[i];
    if (sort_finds_equal(bases, count))
        hr = E_INVALIDARG;
    else
        hr = choose_shape(out, bases, count, seeded_member_hash);
    free(bases);
    return hr;
}

/* ---- Lookups ----------------------------------------------------------- */

/* Written once, inlined into Invoke; typeinfo.c calls dispatch_find_member. */
static inline const ccw_dispatch_member *find_member(const ccw_dispatch_table *table,
                                                     DISPID dispid)
{
    const ccw_dispatch_member *member;

    if (!table->members)
        return NULL;
    member = &table->members[member_slot(&table->member_shape, dispid)];
    return member->name && member->dispid == dispid ? member : NULL;
}

const ccw_dispatch_member *dispatch_find_member(const ccw_dispatch_table *table, DISPID dispid)
{
    return find_member(table, dispid);
}

/* The name slot of `text` as a member name (member_slot < 0) or as a
 * parameter of that member; NULL when unknown. */
static const ccw_dispatch_name *find_name(const ccw_dispatch_table *table, const OLECHAR *text,
                                          int member_slot)
{
    const ccw_dispatch_name *slot;
    uint64_t base;
    size_t length;

    if (!table->names || !text)
        return NULL;
    base = with_member(text_base(text, &length), (unsigned)member_slot, member_slot >= 0);
    slot = &table->names[seeded_name_hash(base, table->name_shape.seed) & table->name_shape.mask];
    if (!same_folded(slot, text, length))
        return NULL;
    if (member_slot < 0)
        return slot->param < 0 ? slot : NULL;
    return slot->param >= 0 && slot->member == (unsigned)member_slot ? slot : NULL;
}

CCW_API HRESULT ccw_dispatch_get_type_info_count(UINT *out)
{
    if (!out)
        return E_INVALIDARG;
    *out = 1;
    return S_OK;
}

CCW_API HRESULT ccw_dispatch_get_ids_of_names(const ccw_dispatch_table *table, REFIID riid,
                                              LPOLESTR *names, UINT count, DISPID *out)
{
    const ccw_dispatch_name *member;
    HRESULT hr = S_OK;
    UINT i;

    if (!table || !riid)
        return E_INVALIDARG;
    if (!IsEqualIID(riid, &IID_NULL))
        return DISP_E_UNKNOWNINTERFACE;
    if (!names || !out || count == 0)
        return E_INVALIDARG;
    member = find_name(table, names[0], -1);
    out[0] = member ? table->members[member->member].dispid : DISPID_UNKNOWN;
    for (i = 1; i < count; i++) {
        const ccw_dispatch_name *param = member ? find_name(table, names[i], member->member) : NULL;

        out[i] = param ? param->param : DISPID_UNKNOWN;
        if (!param)
            hr = DISP_E_UNKNOWNNAME;
    }
    return member ? hr : DISP_E_UNKNOWNNAME;
}

/* ---- Invoke: choosing the function ------------------------------------- */

static bool is_object_type(VARTYPE vt)
{
    return vt == VT_DISPATCH || vt == VT_UNKNOWN || vt == VT_VARIANT;
}

/* The function answering `flags`, as ITypeInfo::Invoke matches INVOKEKIND
 * against wFlags: a method also answers METHOD|PROPERTYGET (VBScript's
 * call), a getter PROPERTYGET; PROPERTYPUTREF falls back to a put that
 * takes an object. */
static const ccw_dispatch_function *choose_function(const ccw_dispatch_member *member, WORD flags)
{
    if (flags & DISPATCH_PROPERTYPUTREF) {
        if (member->putref)
            return member->putref;
        if (member->put && is_object_type(member->put->params[0].vt))
            return member->put;
        return NULL;
    }
    if (flags & DISPATCH_PROPERTYPUT)
        return member->put;
    if ((flags & DISPATCH_METHOD) && member->method)
        return member->method;
    if (flags & DISPATCH_PROPERTYGET)
        return member->get;
    return NULL;
}

static void set_arg_error(ccw_invocation *inv, UINT index)
{
    if (inv->arg_error)
        *inv->arg_error = index;
}

/* [retval] is never passed by the caller. */
static USHORT caller_param_count(const ccw_dispatch_function *fn)
{
    USHORT n = fn->param_count;

    return n && (fn->params[n - 1].flags & PARAMFLAG_FRETVAL) ? (USHORT)(n - 1) : n;
}

/* Map every caller-visible parameter to its rgvarg index (inv->from). */
static OUT_OF_LINE HRESULT place_arguments(ccw_invocation *inv)
{
    const ccw_dispatch_function *fn = inv->callee;
    const DISPPARAMS *params = inv->params;
    USHORT wanted = caller_param_count(fn);
    UINT positional = params->cArgs - params->cNamedArgs;
    UINT i;

    if (fn->invkind & (INVOKE_PROPERTYPUT | INVOKE_PROPERTYPUTREF)) {
        /* The value is the argument named DISPID_PROPERTYPUT, or the only one. */
        if (params->cArgs != 1)
            return DISP_E_BADPARAMCOUNT;
        if (params->cNamedArgs == 1 && params->rgdispidNamedArgs[0] != DISPID_PROPERTYPUT) {
            set_arg_error(inv, 0);
            return DISP_E_PARAMNOTFOUND;
        }
        positional = 1;
    } else if (positional > wanted) {
        return DISP_E_BADPARAMCOUNT;
    } else if (params->cNamedArgs > 0 && wanted == 0) {
        return DISP_E_NONAMEDARGS;
    }
    /* One store per parameter (a separate fill of NO_ARGUMENT first costs
     * a memset call on every Invoke). */
    for (i = 0; i < fn->param_count; i++)
        inv->from[i] = i < positional ? params->cArgs - 1 - i : NO_ARGUMENT;
    if (fn->invkind & (INVOKE_PROPERTYPUT | INVOKE_PROPERTYPUTREF))
        return S_OK;
    for (i = 0; i < params->cNamedArgs; i++) {
        DISPID id = params->rgdispidNamedArgs[i];

        if (id < 0 || id >= (DISPID)wanted || inv->from[id] != NO_ARGUMENT) {
            set_arg_error(inv, i);
            return DISP_E_PARAMNOTFOUND;
        }
        inv->from[id] = i;
    }
    return S_OK;
}

/* ---- Invoke: values ---------------------------------------------------- */

/* Bytes of a by-reference value of this type; 0 when it is not one the
 * engine moves through a pointer. */
static size_t value_size(VARTYPE vt)
{
    if (vt & VT_ARRAY)
        return sizeof(SAFEARRAY *);
    switch (vt) {
    case VT_I1: case VT_UI1:
        return 1;
    case VT_I2: case VT_UI2: case VT_BOOL:
        return 2;
    case VT_I4: case VT_UI4: case VT_R4: case VT_ERROR: case VT_INT: case VT_UINT:
        return 4;
    case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE:
        return 8;
    case VT_BSTR:
        return sizeof(BSTR);
    case VT_DISPATCH: case VT_UNKNOWN:
        return sizeof(IUnknown *);
    default:
        return 0;
    }
}

static bool is_missing(const VARIANT *v)
{
    return V_VT(v) == VT_ERROR && V_ERROR(v) == DISP_E_PARAMNOTFOUND;
}

/* A zero of the type: what an [out] slot holds before the call (an empty
 * VARIANT for VT_VARIANT).  Written out rather than calling VariantInit,
 * which only sets vt, through the PLT or oleaut32's import. */
static void set_zero(VARIANT *v, VARTYPE vt)
{
    V_VT(v) = vt == VT_VARIANT ? (VARTYPE)VT_EMPTY : vt;
    V_UI8(v) = 0; /* covers every scalar and pointer */
}

/* An optional parameter the caller left out.  An optional VARIANT gets the
 * COM convention for "missing": VT_ERROR with DISP_E_PARAMNOTFOUND. */
static HRESULT fetch_default(ccw_invocation *inv, UINT i)
{
    const ccw_dispatch_param *param = &inv->callee->params[i];
    VARIANT *arg = &inv->args[i];
    HRESULT hr;

    if (param->vt == VT_VARIANT || param->iid) {
        set_zero(arg, param->vt);
        if (param->vt == VT_VARIANT) {
            V_VT(arg) = VT_ERROR;
            V_ERROR(arg) = DISP_E_PARAMNOTFOUND;
        }
        return S_OK;
    }
    hr = dispatch_default_value(arg, param);
    if (SUCCEEDED(hr))
        inv->owned |= UINT32_C(1) << i;
    return hr;
}

HRESULT dispatch_default_value(VARIANT *out, const ccw_dispatch_param *param)
{
    const ccw_dispatch_default *value = &param->default_value;
    VARIANT result;

    V_VT(&result) = param->vt;
    switch (param->vt) {
    case VT_BSTR: {
        BSTR bstr;
        HRESULT hr = ccw_bstr_from_utf8(value->text ? value->text : "", CCW_NUL_TERMINATED, &bstr);

        if (FAILED(hr))
            return hr;
        V_BSTR(&result) = bstr;
        break;
    }
    case VT_BOOL: V_BOOL(&result) = value->i8 ? VARIANT_TRUE : VARIANT_FALSE; break;
    case VT_I1: V_I1(&result) = (CHAR)value->i8; break;
    case VT_I2: V_I2(&result) = (SHORT)value->i8; break;
    case VT_I4: V_I4(&result) = (LONG)value->i8; break;
    case VT_INT: V_INT(&result) = (INT)value->i8; break;
    case VT_ERROR: V_ERROR(&result) = (SCODE)value->i8; break;
    case VT_I8: V_I8(&result) = value->i8; break;
    case VT_UI1: V_UI1(&result) = (BYTE)value->ui8; break;
    case VT_UI2: V_UI2(&result) = (USHORT)value->ui8; break;
    case VT_UI4: V_UI4(&result) = (ULONG)value->ui8; break;
    case VT_UINT: V_UINT(&result) = (UINT)value->ui8; break;
    case VT_UI8: V_UI8(&result) = value->ui8; break;
    case VT_R8: V_R8(&result) = value->r8; break;
    case VT_R4:
        /* Out of a float's range the conversion would be undefined. */
        if (!(value->r8 >= -FLT_MAX && value->r8 <= FLT_MAX))
            return DISP_E_OVERFLOW;
        V_R4(&result) = (FLOAT)value->r8;
        break;
    default:
        return DISP_E_TYPEMISMATCH;
    }
    *out = result;
    return S_OK;
}

/* An object argument, queried for the interface the function takes. */
static HRESULT fetch_object(ccw_invocation *inv, UINT i, const VARIANT *src)
{
    const ccw_dispatch_param *param = &inv->callee->params[i];
    VARTYPE base = V_VT(src) & (VARTYPE)~VT_BYREF;
    IUnknown *unknown;
    void *wanted = NULL;

    if (base != VT_DISPATCH && base != VT_UNKNOWN)
        return DISP_E_TYPEMISMATCH;
    if (V_VT(src) & VT_BYREF) {
        if (!V_BYREF(src))
            return DISP_E_TYPEMISMATCH;
        unknown = *V_UNKNOWNREF(src);
    } else {
        unknown = V_UNKNOWN(src);
    }
    set_zero(&inv->args[i], param->vt);
    if (!unknown)
        return S_OK; /* Nothing */
    if (FAILED(IUnknown_QueryInterface(unknown, param->iid, &wanted)))
        return DISP_E_TYPEMISMATCH;
    V_UNKNOWN(&inv->args[i]) = wanted;
    inv->owned |= UINT32_C(1) << i;
    return S_OK;
}

/* A string where bytes are wanted: its UTF-8 bytes, as DESIGN.md §5 promises
 * late-bound callers (VariantChangeType would give its UTF-16 bytes). */
static HRESULT bytes_from_bstr(VARIANT *out, BSTR text)
{
    char *utf8;
    size_t len;
    SAFEARRAY *bytes;
    HRESULT hr;

    hr = ccw_bstr_to_utf8(text, &utf8, &len);
    if (FAILED(hr))
        return hr;
    hr = ccw_safearray_from_bytes(utf8, len, &bytes);
    ccw_string_free(utf8);
    if (FAILED(hr))
        return hr;
    V_VT(out) = VT_ARRAY | VT_UI1;
    V_ARRAY(out) = bytes;
    return S_OK;
}

/* The caller's argument, as the parameter's type: shared when it already
 * is that type, converted (and owned) otherwise. */
static HRESULT fetch_argument(ccw_invocation *inv, UINT i, const VARIANT *src)
{
    const ccw_dispatch_param *param = &inv->callee->params[i];
    VARIANT *arg = &inv->args[i];
    HRESULT hr;

    if (V_VT(src) == (VT_VARIANT | VT_BYREF)) {
        src = V_VARIANTREF(src);
        if (!src)
            return DISP_E_TYPEMISMATCH;
    }
    if (param->iid)
        return fetch_object(inv, i, src);
    if (param->vt == VT_VARIANT) {
        if (!(V_VT(src) & VT_BYREF)) {
            *arg = *src;
            return S_OK;
        }
        VariantInit(arg);
        /* Windows declares the source non-const; neither call changes it. */
        hr = VariantCopyInd(arg, (VARIANT *)src);
    } else if (V_VT(src) == param->vt) {
        *arg = *src;
        return S_OK;
    } else if (V_VT(src) == (param->vt | VT_BYREF) && value_size(param->vt) && V_BYREF(src)) {
        set_zero(arg, param->vt);
        memcpy(&V_UI1(arg), V_BYREF(src), value_size(param->vt));
        return S_OK;
    } else if (param->vt == (VT_ARRAY | VT_UI1) && V_VT(src) == VT_BSTR) {
        hr = bytes_from_bstr(arg, V_BSTR(src));
    } else if (param->vt == (VT_ARRAY | VT_UI1) && V_VT(src) == (VT_BSTR | VT_BYREF)) {
        hr = V_BSTRREF(src) ? bytes_from_bstr(arg, *V_BSTRREF(src)) : DISP_E_TYPEMISMATCH;
    } else {
        VariantInit(arg);
        hr = VariantChangeTypeEx(arg, (VARIANT *)src, inv->lcid, 0, param->vt);
    }
    if (FAILED(hr)) {
        if (hr != DISP_E_OVERFLOW && hr != DISP_E_BADVARTYPE && hr != E_OUTOFMEMORY)
            hr = DISP_E_TYPEMISMATCH;
        return hr;
    }
    inv->owned |= UINT32_C(1) << i;
    return S_OK;
}

/* An [in, out] value is the callee's to replace: it works on a copy of its own. */
static HRESULT own_argument(ccw_invocation *inv, UINT i)
{
    VARIANT copy;
    HRESULT hr;

    if (inv->owned & (UINT32_C(1) << i))
        return S_OK;
    VariantInit(&copy);
    hr = VariantCopy(&copy, &inv->args[i]);
    if (FAILED(hr))
        return hr;
    inv->args[i] = copy;
    inv->owned |= UINT32_C(1) << i;
    return S_OK;
}

static OUT_OF_LINE void clear_owned(ccw_invocation *inv)
{
    UINT i;

    for (i = 0; inv->owned; i++) {
        if (inv->owned & (UINT32_C(1) << i)) {
            VariantClear(&inv->args[i]);
            inv->owned &= ~(UINT32_C(1) << i);
        }
    }
}

/* The common case, tested before anything else: a by-value argument of
 * exactly the parameter's type that the callee only reads (not [in, out],
 * not an object to query, not the "missing" marker) is used as it is. */
static bool shares_argument(const ccw_dispatch_param *param, const VARIANT *src)
{
    return V_VT(src) == param->vt && !(param->flags & PARAMFLAG_FOUT) && !param->iid &&
           !is_missing(src);
}

static OUT_OF_LINE HRESULT fetch_arguments(ccw_invocation *inv)
{
    const ccw_dispatch_function *fn = inv->callee;
    UINT i;

    for (i = 0; i < fn->param_count; i++) {
        const ccw_dispatch_param *param = &fn->params[i];
        UINT from = inv->from[i];
        const VARIANT *src = from == NO_ARGUMENT ? NULL : &inv->params->rgvarg[from];
        HRESULT hr;

        if ((param->flags & (PARAMFLAG_FOUT | PARAMFLAG_FRETVAL)) == PARAMFLAG_FOUT &&
            from != NO_ARGUMENT)
            inv->write_back |= UINT32_C(1) << i;
        if (!(param->flags & PARAMFLAG_FIN)) {
            /* [out] and [retval]: a zero the callee overwrites. */
            set_zero(&inv->args[i], param->vt);
            inv->owned |= UINT32_C(1) << i;
            continue;
        }
        if (src && shares_argument(param, src)) {
            inv->args[i] = *src;
            continue;
        }
        if (!src || is_missing(src)) {
            if (param->flags & PARAMFLAG_FOPT) {
                hr = fetch_default(inv, i);
            } else if (src) {
                set_arg_error(inv, from);
                hr = DISP_E_PARAMNOTOPTIONAL;
            } else {
                hr = inv->params->cNamedArgs ? DISP_E_PARAMNOTOPTIONAL : DISP_E_BADPARAMCOUNT;
            }
        } else {
            hr = fetch_argument(inv, i, src);
            if (FAILED(hr))
                set_arg_error(inv, from);
        }
        if (SUCCEEDED(hr) && (param->flags & PARAMFLAG_FOUT))
            hr = own_argument(inv, i);
        if (FAILED(hr)) {
            clear_owned(inv);
            return hr;
        }
    }
    return S_OK;
}

/* The fast path, taken before placing anything: no named arguments (but
 * for a put's DISPID_PROPERTYPUT), exactly as many positional arguments as
 * the function has parameters before an optional [retval], each of them
 * [in] only and shared (shares_argument).  It gives what place_arguments
 * and fetch_arguments would, without inv->from, which only a write-back
 * reads; false leaves nothing owned, for them to start again. */
static bool fetch_exact_arguments(ccw_invocation *inv)
{
    const ccw_dispatch_function *fn = inv->callee;
    const DISPPARAMS *params = inv->params;
    USHORT count = caller_param_count(fn);
    UINT i;

    if (params->cArgs != count)
        return false;
    if (params->cNamedArgs &&
        !((fn->invkind & (INVOKE_PROPERTYPUT | INVOKE_PROPERTYPUTREF)) && params->cNamedArgs == 1 &&
          params->rgdispidNamedArgs[0] == DISPID_PROPERTYPUT))
        return false;
    for (i = 0; i < count; i++) {
        const ccw_dispatch_param *param = &fn->params[i];
        const VARIANT *src = &params->rgvarg[count - 1 - i];

        if (!(param->flags & PARAMFLAG_FIN) || !shares_argument(param, src))
            return false;
        inv->args[i] = *src;
    }
    if (count < fn->param_count) {
        const ccw_dispatch_param *retval = &fn->params[count];

        if (retval->flags & PARAMFLAG_FIN)
            return false;
        set_zero(&inv->args[count], retval->vt);
        inv->owned = UINT32_C(1) << count;
    }
    return true;
}

CCW_API HRESULT ccw_dispatch_begin(ccw_invocation *inv, const ccw_dispatch_table *table,
                                   DISPID dispid, REFIID riid, LCID lcid, WORD flags,
                                   DISPPARAMS *params, VARIANT *result, EXCEPINFO *excepinfo,
                                   UINT *arg_error)
{
    const ccw_dispatch_member *member;
    HRESULT hr;

    if (!inv || !table || !riid)
        return E_INVALIDARG;
    if (!IsEqualIID(riid, &IID_NULL))
        return DISP_E_UNKNOWNINTERFACE;
    if (!params || (params->cArgs && !params->rgvarg) || params->cNamedArgs > params->cArgs ||
        (params->cNamedArgs && !params->rgdispidNamedArgs))
        return E_INVALIDARG;
    member = find_member(table, dispid);
    if (!member)
        return DISP_E_MEMBERNOTFOUND;
    inv->callee = choose_function(member, flags);
    if (!inv->callee)
        return DISP_E_MEMBERNOTFOUND;
    if (inv->callee->param_count > CCW_DISPATCH_MAX_PARAMS)
        return E_UNEXPECTED;
    inv->function = (USHORT)(inv->callee - table->functions);
    inv->table = table;
    inv->params = params;
    inv->result = result;
    inv->excepinfo = excepinfo;
    inv->arg_error = arg_error;
    inv->lcid = lcid;
    inv->owned = 0;
    inv->write_back = 0;
    if (!fetch_exact_arguments(inv)) {
        hr = place_arguments(inv);
        if (SUCCEEDED(hr))
            hr = fetch_arguments(inv);
        if (FAILED(hr))
            return hr;
    }
    /* The callee's failure must not be described by an older error: clear
     * it, unless every function of the table replaces it when it fails
     * (ccwgen's thunks do), which spares a call into the COM library. */
    if (!table->raises_error_info)
        SetErrorInfo(0, NULL);
    return S_OK;
}

/* ---- Invoke: after the call -------------------------------------------- */

static void fill_excepinfo(const ccw_invocation *inv, HRESULT hr)
{
    EXCEPINFO *info = inv->excepinfo;
    IErrorInfo *error = NULL;

    memset(info, 0, sizeof(*info));
    info->scode = hr;
    if (GetErrorInfo(0, &error) == S_OK && error) {
        IErrorInfo_GetSource(error, &info->bstrSource);
        IErrorInfo_GetDescription(error, &info->bstrDescription);
        IErrorInfo_GetHelpFile(error, &info->bstrHelpFile);
        IErrorInfo_GetHelpContext(error, &info->dwHelpContext);
        IErrorInfo_Release(error);
    }
    /* NULL (no source) stays NULL, and so does the field if this fails. */
    if (!info->bstrSource)
        ccw_bstr_from_utf8(inv->table->source, CCW_NUL_TERMINATED, &info->bstrSource);
}

/* Store an owned value through a typed by-reference argument; an [in, out]
 * target's old value was the caller's and is freed. */
static void store_through(VARIANT *target, VARIANT *value, bool free_old)
{
    VARTYPE base = V_VT(target) & (VARTYPE)~VT_BYREF;

    if (free_old) {
        VARIANT old;

        VariantInit(&old);
        V_VT(&old) = base;
        V_UI8(&old) = 0;
        memcpy(&V_UI1(&old), V_BYREF(target), value_size(base));
        VariantClear(&old);
    }
    memcpy(V_BYREF(target), &V_UI1(value), value_size(base));
    VariantInit(value);
}

/* Write an [out] value back through the caller's by-reference argument.  A
 * by-value argument receives nothing. */
static HRESULT write_back(ccw_invocation *inv, UINT i)
{
    VARIANT *target = &inv->params->rgvarg[inv->from[i]];
    VARIANT *value = &inv->args[i];
    bool was_in = (inv->callee->params[i].flags & PARAMFLAG_FIN) != 0;
    VARTYPE base = V_VT(target) & (VARTYPE)~VT_BYREF;
    VARIANT converted;
    HRESULT hr;

    if (!(V_VT(target) & VT_BYREF) || !V_BYREF(target))
        return S_OK;
    if (base == VT_VARIANT) {
        VariantClear(V_VARIANTREF(target));
        *V_VARIANTREF(target) = *value;
        VariantInit(value);
        return S_OK;
    }
    if (!value_size(base))
        return DISP_E_TYPEMISMATCH;
    if (V_VT(value) == base) {
        store_through(target, value, was_in);
        return S_OK;
    }
    VariantInit(&converted);
    hr = VariantChangeTypeEx(&converted, value, inv->lcid, 0, base);
    if (FAILED(hr))
        return hr == DISP_E_OVERFLOW ? hr : DISP_E_TYPEMISMATCH;
    store_through(target, &converted, was_in);
    return S_OK;
}

/* The method failed: DISP_E_EXCEPTION, its EXCEPINFO, nothing written back. */
static OUT_OF_LINE HRESULT end_failed(ccw_invocation *inv, HRESULT hr)
{
    if (inv->excepinfo)
        fill_excepinfo(inv, hr);
    clear_owned(inv);
    return DISP_E_EXCEPTION;
}

/* Write-backs in parameter order, up to the first that fails. */
static OUT_OF_LINE HRESULT write_back_all(ccw_invocation *inv)
{
    HRESULT hr = S_OK;
    UINT i;

    for (i = 0; inv->write_back && SUCCEEDED(hr); i++) {
        if (inv->write_back & (UINT32_C(1) << i)) {
            inv->write_back &= ~(UINT32_C(1) << i);
            hr = write_back(inv, i);
            if (FAILED(hr))
                set_arg_error(inv, inv->from[i]);
        }
    }
    return hr;
}

CCW_API HRESULT ccw_dispatch_end(ccw_invocation *inv, HRESULT hr)
{
    const ccw_dispatch_function *fn = inv->callee;
    USHORT last = (USHORT)(fn->param_count - 1);

    if (inv->result)
        V_VT(inv->result) = VT_EMPTY; /* what VariantInit does, without the call */
    if (FAILED(hr))
        return end_failed(inv, hr);
    hr = inv->write_back ? write_back_all(inv) : S_OK;
    /* The [retval] (always last) moves to the result whatever the
     * write-backs gave. */
    if (fn->param_count && (fn->params[last].flags & PARAMFLAG_FRETVAL) && inv->result) {
        *inv->result = inv->args[last];
        inv->owned &= ~(UINT32_C(1) << last);
    }
    if (inv->owned)
        clear_owned(inv);
    return hr;
}
