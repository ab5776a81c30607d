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
#include <ccw/runtime.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define NO_ARGUMENT UINT_MAX

/* ---- Hashing ----------------------------------------------------------- */

/* Keys per table and the sizes searched: up to 2^20 slots with 4096 seeds
 * each, far more than any interface needs. */
#define MAX_KEYS 65536u
#define MAX_SLOTS (UINT32_C(1) << 20)
#define SEEDS_PER_SIZE 4096u

/* MurmurHash3's finalizer: spreads every input bit over the low bits that
 * index the table. */
static uint32_t mix(uint32_t h)
{
    h ^= h >> 16;
    h *= UINT32_C(0x85ebca6b);
    h ^= h >> 13;
    h *= UINT32_C(0xc2b2ae35);
    h ^= h >> 16;
    return h;
}

/* A parameter's name is hashed with its member's slot folded into the
 * seed, so that one table holds the parameter names of every method. */
static uint32_t key_seed(uint32_t seed, unsigned member, bool is_param)
{
    return is_param ? seed ^ mix((uint32_t)member + 1u) : seed;
}

/* FNV-1a over UTF-16 code units, then the finalizer. */
#define FNV_PRIME UINT32_C(0x01000193)

static inline OLECHAR fold_ascii(OLECHAR c)
{
    return c >= 'A' && c <= 'Z' ? (OLECHAR)(c + ('a' - 'A')) : c;
}

CCW_API uint32_t ccw_dispatch_name_hash(const ccw_dispatch_name *key, uint32_t seed)
{
    uint32_t h = key_seed(seed, key->member, key->param >= 0);
    size_t i;

    for (i = 0; i < key->length; i++)
        h = (h ^ (unsigned char)key->folded[i]) * FNV_PRIME;
    return mix(h ^ (uint32_t)key->length);
}

/* The same hash of the caller's text, folded on the fly; *length receives
 * its length in code units. */
static uint32_t text_hash(const OLECHAR *text, uint32_t seed, size_t *length)
{
    uint32_t h = seed;
    size_t i;

    for (i = 0; text[i]; i++)
        h = (h ^ fold_ascii(text[i])) * FNV_PRIME;
    *length = i;
    return mix(h ^ (uint32_t)i);
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

CCW_API uint32_t ccw_dispatch_member_slot(const ccw_dispatch_shape *shape, DISPID dispid)
{
    return mix((uint32_t)dispid ^ shape->seed) & shape->mask;
}

/* Whether a shape gives each of `count` slot numbers a slot of its own.
 * slot_of(i) is the slot of key i. */
typedef uint32_t (*slot_function)(const void *keys, size_t i, const ccw_dispatch_shape *shape);

static HRESULT choose_shape(ccw_dispatch_shape *out, const void *keys, size_t count,
                            slot_function slot_of)
{
    unsigned char *taken;
    uint32_t slots;
    HRESULT hr = E_FAIL;

    taken = malloc(MAX_SLOTS / 8);
    if (!taken)
        return E_OUTOFMEMORY;
    for (slots = 1; slots < count; slots *= 2)
        ;
    for (; slots <= MAX_SLOTS && hr == E_FAIL; slots *= 2) {
        uint32_t attempt;

        for (attempt = 0; attempt < SEEDS_PER_SIZE; attempt++) {
            /* Seeds spread by the golden ratio; attempt 0 is seed 0. */
            ccw_dispatch_shape shape = { attempt * UINT32_C(0x9e3779b9), slots - 1 };
            size_t i;

            memset(taken, 0, shape.mask / 8 + 1);
            for (i = 0; i < count; i++) {
                uint32_t slot = slot_of(keys, i, &shape);
                unsigned char bit = (unsigned char)(1u << (slot % 8));

                if (taken[slot / 8] & bit)
                    break;
                taken[slot / 8] |= bit;
            }
            if (i == count) {
                *out = shape;
                hr = S_OK;
                break;
            }
        }
    }
    free(taken);
    return hr;
}

static uint32_t name_slot_of(const void *keys, size_t i, const ccw_dispatch_shape *shape)
{
    return ccw_dispatch_name_hash(&((const ccw_dispatch_name *)keys)[i], shape->seed) &
           shape->mask;
}

static bool same_key(const ccw_dispatch_name *a, const ccw_dispatch_name *b)
{
    return a->length == b->length && a->param == b->param &&
           (a->param < 0 || a->member == b->member) && memcmp(a->folded, b->folded, a->length) == 0;
}

CCW_API HRESULT ccw_dispatch_names_build(ccw_dispatch_shape *out, const ccw_dispatch_name *keys,
                                         size_t count)
{
    size_t i, j;

    if (!out || !keys)
        return E_POINTER;
    if (count == 0 || count > MAX_KEYS)
        return E_INVALIDARG;
    for (i = 0; i < count; i++) {
        if (!keys[i].folded)
            return E_POINTER;
        for (j = 0; j < i; j++) {
            if (same_key(&keys[i], &keys[j]))
                return E_INVALIDARG; /* no seed separates equal keys */
        }
    }
    return choose_shape(out, keys, count, name_slot_of);
}

static uint32_t member_slot_of(const void *keys, size_t i, const ccw_dispatch_shape *shape)
{
    return ccw_dispatch_member_slot(shape, ((const DISPID *)keys)[i]);
}

CCW_API HRESULT ccw_dispatch_members_build(ccw_dispatch_shape *out, const DISPID *dispids,
                                           size_t count)
{
    size_t i, j;

    if (!out || !dispids)
        return E_POINTER;
    if (count == 0 || count > MAX_KEYS)
        return E_INVALIDARG;
    for (i = 0; i < count; i++) {
        for (j = 0; j < i; j++) {
            if (dispids[i] == dispids[j])
                return E_INVALIDARG;
        }
    }
    return choose_shape(out, dispids, count, member_slot_of);
}

/* ---- Lookups ----------------------------------------------------------- */

static const ccw_dispatch_member *find_member(const ccw_dispatch_table *table, DISPID dispid)
{
    const ccw_dispatch_member *member;

    if (!table->members)
        return NULL;
    member = &table->members[ccw_dispatch_member_slot(&table->member_shape, dispid)];
    return member->name && member->dispid == dispid ? member : NULL;
}

/* The name slot of `text` as a member name (member_slot < 0) or as a
 * parameter of that member; NULL when unknown. */
static const ccw_dispatch_name *find_name(const ccw_dispatch_table *table, const OLECHAR *text,
                                          int member_slot)
{
    const ccw_dispatch_name *slot;
    uint32_t seed;
    size_t length;

    if (!table->names || !text)
        return NULL;
    seed = key_seed(table->name_shape.seed, (unsigned)member_slot, member_slot >= 0);
    slot = &table->names[text_hash(text, seed, &length) & table->name_shape.mask];
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
