/*
 * hash.c - the seed search behind every perfect-hash table in libccw.
 *
 * Built on every platform: only the C library is used here.
 */
#include "hash.h"

#include <stdlib.h>

#define SEEDS_PER_SIZE 1024u
#define GOLDEN_RATIO_STEP UINT32_C(0x9e3779b9)

/* Whether `seed` gives every key a slot of its own among mask + 1.  The
 * bitmap `taken` marks the slots in use; a try stops at its first collision
 * and clears only the bits it set (recomputing their slots), so the bitmap
 * is all zero again for the next seed. */
static bool seed_separates(uint32_t seed, uint32_t mask, size_t count, hash_key_fn hash,
                           const void *keys, unsigned char *taken)
{
    size_t i, j;

    for (i = 0; i < count; i++) {
        uint32_t slot = hash(keys, i, seed) & mask;
        unsigned char bit = (unsigned char)(1u << (slot % 8));

        if (taken[slot / 8] & bit)
            break;
        taken[slot / 8] |= bit;
    }
    for (j = 0; j < i; j++)
        taken[(hash(keys, j, seed) & mask) / 8] = 0;
    return i == count;
}

HRESULT hash_find_seed(uint32_t *out_seed, uint32_t *out_mask, size_t count, uint32_t min_slots,
                       uint32_t max_slots, hash_key_fn hash, const void *keys)
{
    uint32_t slots;

    for (slots = min_slots; slots < count; slots *= 2)
        ;
    for (; slots <= max_slots; slots *= 2) {
        unsigned char *taken = calloc(slots / 8 + 1, 1);
        uint32_t attempt;

        if (!taken)
            return E_OUTOFMEMORY;
        for (attempt = 0; attempt < SEEDS_PER_SIZE; attempt++) {
            uint32_t seed = attempt * GOLDEN_RATIO_STEP;

            if (seed_separates(seed, slots - 1, count, hash, keys, taken)) {
                free(taken);
                *out_seed = seed;
                *out_mask = slots - 1;
                return S_OK;
            }
        }
        free(taken);
    }
    return E_FAIL;
}
