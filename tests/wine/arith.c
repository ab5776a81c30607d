/* arith: the implementation of the Wine suite's component. */
#include "arith.h"

#include <ccw/runtime.h> /* ccw_error_set_message: the description of a failure */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct arith {
	int divisions;
};

struct arith *arith_new(void)
{
	return calloc(1, sizeof(struct arith));
}

void arith_free(struct arith *a)
{
	free(a);
}

int arith_sum(const struct arith *a, int x, int y)
{
	(void)a;
	/* Unsigned arithmetic wraps; signed overflow would be undefined. */
	return (int)((unsigned)x + (unsigned)y);
}

int arith_divide(struct arith *a, int x, int y, int *quotient)
{
	if (y == 0) {
		ccw_error_set_message("division of %d by zero", x);
		return -EDOM;
	}
	if (x == INT_MIN && y == -1)
		return -ERANGE;
	*quotient = x / y;
	a->divisions++;
	return 0;
}

int arith_get_divisions(const struct arith *a)
{
	return a->divisions;
}

double arith_mean(const struct arith *a, double x, double y)
{
	(void)a;
	return x / 2 + y / 2;
}

char *arith_repeat(const struct arith *a, const char *text, int count)
{
	size_t len = strlen(text), i;
	char *out;

	(void)a;
	if (count < 0) {
		errno = EINVAL;
		return NULL;
	}
	if (len != 0 && (size_t)count > (SIZE_MAX - 1) / len) {
		errno = ENOMEM;
		return NULL;
	}
	out = malloc(len * (size_t)count + 1);
	if (out == NULL)
		return NULL;
	for (i = 0; i < (size_t)count; i++)
		memcpy(out + i * len, text, len);
	out[len * (size_t)count] = '\0';
	return out;
}

bool arith_is_even(const struct arith *a, int x)
{
	(void)a;
	return x % 2 == 0;
}
