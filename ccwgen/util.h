/*
 * util.h - small helpers shared by the generator's stages.
 */
#ifndef CCWGEN_UTIL_H
#define CCWGEN_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Grows the array *items (of *count elements of elem_size bytes) by one
 * zero-filled element and returns it, or NULL on allocation failure (the
 * array is then unchanged). */
void *array_append(void *items_ptr, size_t *count, size_t elem_size);

/* strdup that accepts NULL (returning NULL). */
char *str_dup_or_null(const char *s);

/* ASCII case-insensitive comparison, as COM's late binding compares names. */
bool str_equal_nocase(const char *a, const char *b);

/* A hash index from names to positions (in an array the caller owns), so
 * that looking a name up costs the same for 10 declarations as for 100,000.
 * Keys are not copied: each must outlive the index. `nocase` compares names
 * as COM's late binding does (ASCII case-insensitively). */
struct name_index {
	struct name_slot *slots; /* open addressing, linear probing */
	size_t capacity;         /* 0 or a power of two */
	size_t count;
	bool nocase;
};

void name_index_init(struct name_index *index, bool nocase);
void name_index_free(struct name_index *index);

/* Maps `key` to `position`, replacing an earlier mapping of the same key.
 * Returns -1 on allocation failure (the index is then unchanged). */
int name_index_put(struct name_index *index, const char *key, size_t position);

/* The position of `key`; false when the index does not hold it. */
bool name_index_get(const struct name_index *index, const char *key, size_t *position);

#endif
