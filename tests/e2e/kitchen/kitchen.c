/* kitchen: the implementation; plain C, no COM. */
#include "kitchen.h"

#include <ccw/runtime.h> /* ccw_error_set_message */

#include <errno.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
	int id;
};

static atomic_int kitchens_freed;
static atomic_int items_freed;

static struct item *item_new(int id)
{
	struct item *item = malloc(sizeof(*item));

	if (item)
		item->id = id;
	return item;
}

struct kitchen *kitchen_new(void)
{
	struct kitchen *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	k->label = strdup("kitchen");
	k->shelf = item_new(7);
	if (!k->label || !k->shelf) {
		kitchen_free(k);
		return NULL;
	}
	return k;
}

void kitchen_free(struct kitchen *k)
{
	if (!k)
		return;
	free(k->label);
	free(k->shelf);
	free(k);
	atomic_fetch_add(&kitchens_freed, 1);
}

int kitchen_add(struct kitchen *k, int a, int b)
{
	k->value = a + b;
	return a + b;
}

double kitchen_mix(const struct kitchen *k, int8_t a, uint8_t b, int16_t c, uint16_t d,
		   uint32_t e, int64_t f, uint64_t g, float h)
{
	(void)k;
	return (double)a + b + c + d + e + (double)f + (double)g + h;
}

bool kitchen_negate(const struct kitchen *k, bool flag)
{
	(void)k;
	return !flag;
}

enum kitchen_mood kitchen_next_mood(const struct kitchen *k, enum kitchen_mood mood)
{
	(void)k;
	return mood == KITCHEN_CLOSED ? KITCHEN_CALM : (enum kitchen_mood)(mood + 1);
}

void kitchen_divide(const struct kitchen *k, int a, int b, int *quotient, int *remainder)
{
	(void)k;
	*quotient = b ? a / b : 0;
	*remainder = b ? a % b : 0;
}

void kitchen_twice(const struct kitchen *k, double *x, bool *flag)
{
	(void)k;
	*x *= 2;
	*flag = !*flag;
}

int kitchen_get_value(const struct kitchen *k)
{
	return k->value;
}

void kitchen_set_value(struct kitchen *k, int value)
{
	k->value = value;
}

int kitchen_version(void)
{
	return 3;
}

char *kitchen_defaults(const struct kitchen *k, double x, float y, int64_t n, uint64_t u,
		       bool flag, const char *text)
{
	char line[128];

	(void)k;
	snprintf(line, sizeof(line), "%g %g %" PRId64 " %" PRIu64 " %d %s", x, (double)y, n, u,
		 flag, text);
	return strdup(line);
}

char *kitchen_echo(const struct kitchen *k, const char *text)
{
	size_t len = strlen(text);
	char *copy = malloc(len + 3);

	(void)k;
	if (copy) {
		copy[0] = '<';
		memcpy(copy + 1, text, len);
		copy[len + 1] = '>';
		copy[len + 2] = '\0';
	}
	return copy;
}

const char *kitchen_get_label(const struct kitchen *k)
{
	return k->label;
}

int kitchen_set_label(struct kitchen *k, const char *label)
{
	char *copy;

	if (!label[0]) {
		ccw_error_set_message("a label cannot be empty");
		return -EINVAL;
	}
	copy = strdup(label);
	if (!copy)
		return -ENOMEM;
	free(k->label);
	k->label = copy;
	return 0;
}

int kitchen_join(const struct kitchen *k, const char *a, const char *b, char **joined,
		 const char **first)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la + lb == 0)
		return -ENODATA;
	*joined = malloc(la + lb + 1);
	if (!*joined)
		return -ENOMEM;
	memcpy(*joined, a, la);
	memcpy(*joined + la, b, lb + 1);
	*first = k->label;
	return 0;
}

size_t kitchen_length(const struct kitchen *k, const char *text)
{
	(void)k;
	return strlen(text);
}

char *kitchen_bad_utf8(const struct kitchen *k)
{
	(void)k;
	return strdup("bad \xC3\x28 byte");
}

uint32_t kitchen_sum(const struct kitchen *k, const unsigned char *data, size_t len)
{
	uint32_t sum = 0;

	(void)k;
	for (size_t i = 0; i < len; i++)
		sum += data[i];
	return sum;
}

void kitchen_invert(const struct kitchen *k, unsigned char *data, int len)
{
	(void)k;
	for (int i = 0; i < len; i++)
		data[i] = (unsigned char)~data[i];
}

int kitchen_fail_errno(struct kitchen *k, int err)
{
	(void)k;
	return -err;
}

int kitchen_fail_minus1(struct kitchen *k, bool fail, int *got)
{
	(void)k;
	if (fail) {
		errno = EACCES;
		return -1;
	}
	*got = 42;
	return 0;
}

bool kitchen_check(struct kitchen *k, int n)
{
	(void)k;
	if (n < 0) {
		ccw_error_set_message("n is %d, which is negative", n);
		errno = ENOENT;
		return false;
	}
	if (n == 0)
		return false; /* and errno stays 0: the wrapper says so */
	return true;
}

struct item *kitchen_make_item(struct kitchen *k, int id)
{
	(void)k;
	if (id < 0) {
		errno = ERANGE;
		return NULL;
	}
	return item_new(id);
}

HRESULT kitchen_hresult(struct kitchen *k, HRESULT hr)
{
	(void)k;
	if (FAILED(hr))
		ccw_error_set_message("failing with 0x%08X as asked", (unsigned)hr);
	return hr;
}

struct item *kitchen_shelf(struct kitchen *k)
{
	return k->shelf;
}

int kitchen_weigh(struct kitchen *k, struct item *item, int *id)
{
	(void)k;
	if (!item)
		return -EINVAL;
	*id = item->id;
	return 0;
}

int item_get_id(const struct item *item)
{
	return item->id;
}

void item_free(struct item *item)
{
	free(item);
	atomic_fetch_add(&items_freed, 1);
}

int kitchen_freed(void)
{
	return atomic_load(&kitchens_freed);
}

int item_freed(void)
{
	return atomic_load(&items_freed);
}
