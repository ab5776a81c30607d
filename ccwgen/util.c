/*
 * util.c - small helpers shared by the generator's stages.
 */
#include "util.h"

#include <stdlib.h>
#include <string.h>

void *array_append(void *items_ptr, size_t *count, size_t elem_size)
{
	void **items = items_ptr;
	char *grown;

	if (*count >= ((size_t)-1) / elem_size - 1)
		return NULL;
	grown = realloc(*items, (*count + 1) * elem_size);
	if (!grown)
		return NULL;
	*items = grown;
	memset(grown + *count * elem_size, 0, elem_size);
	return grown + (*count)++ * elem_size;
}

char *str_dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

bool str_equal_nocase(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca = (unsigned char)(ca - 'A' + 'a');
		if (cb >= 'A' && cb <= 'Z')
			cb = (unsigned char)(cb - 'A' + 'a');
		if (ca != cb)
			return false;
		if (!ca)
			return true;
	}
}
