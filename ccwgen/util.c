/*
 * util.c - small helpers shared by the generator's stages.
 */
#include "util.h"

#include <stdint.h>
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

struct name_slot {
	const char *key; /* NULL: empty */
	size_t position;
};

static unsigned char fold(unsigned char c, bool nocase)
{
	return nocase && c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* FNV-1a over the (folded) bytes. */
static size_t name_hash(const char *key, bool nocase)
{
	uint64_t hash = 0xcbf29ce484222325u;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		hash = (hash ^ fold(*p, nocase)) * 0x100000001b3u;
	return (size_t)hash;
}

static bool name_equal(const char *a, const char *b, bool nocase)
{
	return nocase ? str_equal_nocase(a, b) : strcmp(a, b) == 0;
}

void name_index_init(struct name_index *index, bool nocase)
{
	index->slots = NULL;
	index->capacity = 0;
	index->count = 0;
	index->nocase = nocase;
}

void name_index_free(struct name_index *index)
{
	free(index->slots);
	name_index_init(index, index->nocase);
}

/* The slot holding `key`, or the empty slot where it would go. */
static struct name_slot *find_slot(struct name_slot *slots, size_t capacity, const char *key,
				   bool nocase)
{
	size_t mask = capacity - 1, i = name_hash(key, nocase) & mask;

	while (slots[i].key && !name_equal(slots[i].key, key, nocase))
		i = (i + 1) & mask;
	return &slots[i];
}

/* Keeps the table at most half full, so probe sequences stay short. */
static int grow(struct name_index *index)
{
	size_t capacity = index->capacity ? index->capacity * 2 : 16;
	struct name_slot *slots;

	if (capacity > SIZE_MAX / 2 / sizeof(*slots))
		return -1;
	slots = calloc(capacity, sizeof(*slots));
	if (!slots)
		return -1;
	for (size_t i = 0; i < index->capacity; i++) {
		if (index->slots[i].key)
			*find_slot(slots, capacity, index->slots[i].key, index->nocase) =
				index->slots[i];
	}
	free(index->slots);
	index->slots = slots;
	index->capacity = capacity;
	return 0;
}

int name_index_put(struct name_index *index, const char *key, size_t position)
{
	struct name_slot *slot;

	if ((index->count + 1) * 2 > index->capacity && grow(index) < 0)
		return -1;
	slot = find_slot(index->slots, index->capacity, key, index->nocase);
	if (!slot->key)
		index->count++;
	slot->key = key;
	slot->position = position;
	return 0;
}

bool name_index_get(const struct name_index *index, const char *key, size_t *position)
{
	const struct name_slot *slot;

	if (!index->capacity)
		return false;
	slot = find_slot(index->slots, index->capacity, key, index->nocase);
	if (!slot->key)
		return false;
	*position = slot->position;
	return true;
}
