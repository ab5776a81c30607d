/*
 * fail_alloc.c - see fail_alloc.h.
 */
#include "fail_alloc.h"

#include <errno.h>
#include <stddef.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);
void __wrap_free(void *p);

static bool armed;
static bool sticky;
static bool failed;
static unsigned countdown;
static long live;

static void arm(unsigned n, bool keep_failing)
{
	armed = true;
	sticky = keep_failing;
	failed = false;
	countdown = n;
}

void fail_alloc_at(unsigned n)
{
	arm(n, false);
}

void fail_alloc_from(unsigned n)
{
	arm(n, true);
}

bool fail_alloc_disarm(void)
{
	armed = false;
	return failed;
}

long fail_alloc_live(void)
{
	return live;
}

static bool should_fail(void)
{
	if (!armed || (failed && !sticky))
		return false;
	if (countdown > 0) {
		countdown--;
		return false;
	}
	failed = true;
	/* As a real failure does (POSIX): callers may report errno. */
	errno = ENOMEM;
	return true;
}

static void *counted(void *block)
{
	if (block)
		live++;
	return block;
}

void *__wrap_malloc(size_t size)
{
	return should_fail() ? NULL : counted(__real_malloc(size));
}

void *__wrap_calloc(size_t count, size_t size)
{
	return should_fail() ? NULL : counted(__real_calloc(count, size));
}

void *__wrap_realloc(void *p, size_t size)
{
	void *moved;

	if (!p)
		return __wrap_malloc(size);
	if (should_fail())
		return NULL;
	moved = __real_realloc(p, size);
	/* A zero size may free the block and give NULL (glibc does). */
	if (!moved && size == 0)
		live--;
	return moved;
}

void __wrap_free(void *p)
{
	if (p)
		live--;
	__real_free(p);
}
