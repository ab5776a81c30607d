/*
 * fail_alloc.c - see fail_alloc.h.
 */
#include "fail_alloc.h"

#include <stddef.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);

static bool armed;
static bool failed;
static unsigned countdown;

void fail_alloc_at(unsigned n)
{
	armed = true;
	failed = false;
	countdown = n;
}

bool fail_alloc_disarm(void)
{
	armed = false;
	return failed;
}

static bool should_fail(void)
{
	if (!armed || failed)
		return false;
	if (countdown > 0) {
		countdown--;
		return false;
	}
	failed = true;
	return true;
}

void *__wrap_malloc(size_t size)
{
	return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t count, size_t size)
{
	return should_fail() ? NULL : __real_calloc(count, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	return should_fail() ? NULL : __real_realloc(p, size);
}
