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

#endif
