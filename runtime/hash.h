/*
 * hash.h - the perfect-hash machinery shared by the QueryInterface tables
 * (object.c) and the dispatch tables (dispatch.c) inside libccw (hidden:
 * libccw exports only CCW_API functions).
 */
#ifndef CCW_HASH_H
#define CCW_HASH_H

#include <ccw/runtime.h>

/* MurmurHash3's 32-bit finalizer: every input bit reaches every output bit,
 * so the low bits used as a slot index depend on the whole input. */
static inline uint32_t ccw_mix32(uint32_t h)
{
    h ^= h >> 16;
    h *= UINT32_C(0x85ebca6b);
    h ^= h >> 13;
    h *= UINT32_C(0xc2b2ae35);
    h ^= h >> 16;
    return h;
}

/* The seeded hash of key i of `keys`; its low bits pick the key's slot. */
typedef uint32_t (*hash_key_fn)(const void *keys, size_t i, uint32_t seed);

/*
 * Finds a table shape that gives each of `count` keys a slot of its own:
 * for each power-of-two size from min_slots (raised to at least count) up
 * to max_slots, seeds spread by the golden ratio (the first is 0), 1024 per
 * size; the first that separates the keys wins.  The result depends only on
 * the keys' hashes and their order, so generated tables are reproducible.
 *
 * @param out_seed the seed, set on success
 * @param out_mask the slot count - 1, set on success
 * @param count how many keys, at least 1 and at most max_slots
 * @param min_slots the smallest size worth trying, a power of two
 * @param max_slots the largest size tried, a power of two
 * @param hash the keys' hash
 * @param keys passed to hash
 * @return S_OK; E_FAIL if no size and seed separate the keys;
 *         E_OUTOFMEMORY
 */
HRESULT hash_find_seed(uint32_t *out_seed, uint32_t *out_mask, size_t count, uint32_t min_slots,
                       uint32_t max_slots, hash_key_fn hash, const void *keys);

#endif
