/* thunks: the benchmark's library (plain C, its own translation unit so the
 * direct calls are real calls too). */
#include "thunks.h"

#include <stdlib.h>
#include <string.h>

struct thunks {
	int calls;
};

struct thunks *thunks_new(void)
{
	return calloc(1, sizeof(struct thunks));
}

void thunks_free(struct thunks *t)
{
	free(t);
}

int thunks_add(struct thunks *t, int a, int b)
{
	t->calls++;
	return a + b;
}

char *thunks_echo(struct thunks *t, const char *text)
{
	t->calls++;
	return strdup(text);
}

void thunks_touch(struct thunks *t)
{
	t->calls++;
}

int thunks_count(const struct thunks *t)
{
	return t->calls;
}
