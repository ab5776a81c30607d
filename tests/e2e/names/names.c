/*
 * names.c - the library behind tests/e2e/names/names.h: plain C, no COM.
 */
#include "names.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct names {
	int unused;
};

struct names *names_new(void)
{
	return calloc(1, sizeof(struct names));
}

void names_destroy(struct names *n)
{
	free(n);
}

char *names_join(const struct names *n, const char *x, const char *x_buf, const char *c_x_buf,
		 const char *c_x)
{
	const char *parts[] = { x, x_buf, c_x_buf, c_x };
	size_t len = 0;
	char *joined;

	(void)n;
	for (size_t i = 0; i < 4; i++)
		len += strlen(parts[i]) + 1;
	joined = malloc(len);
	if (!joined)
		return NULL;
	joined[0] = '\0';
	for (size_t i = 0; i < 4; i++) {
		if (i)
			strcat(joined, "|");
		strcat(joined, parts[i]);
	}
	return joined;
}

int names_sum(const struct names *n, int hr, int rc, int self, int This, int lpVtbl, int in,
	      int out, int new, int class, int string, int interface, int result)
{
	(void)n;
	return hr + 2 * rc + 3 * self + 4 * This + 5 * lpVtbl + 6 * in + 7 * out + 8 * new +
	       9 * class + 10 * string + 11 * interface + 12 * result;
}

int names_weigh(const struct names *n, const unsigned char *x, size_t x_count, int c_x_count)
{
	int total = c_x_count;

	(void)n;
	for (size_t i = 0; i < x_count; i++)
		total += x[i];
	return total;
}

int names_repeat(const struct names *n, const char *com_x, int free, char **x)
{
	size_t len = strlen(com_x);
	char *text;

	(void)n;
	if (free < 0)
		return -EINVAL;
	text = malloc(len * (size_t)free + 1);
	if (!text)
		return -ENOMEM;
	for (int i = 0; i < free; i++)
		memcpy(text + len * (size_t)i, com_x, len);
	text[len * (size_t)free] = '\0';
	*x = text;
	return 0;
}

void names_swap(const struct names *n, int *in, int *out, int Swap)
{
	int was_in = *in;

	(void)n;
	*in = *out + Swap;
	*out = was_in + Swap;
}

const char *names_left(const struct names *n)
{
	(void)n;
	return "left";
}

const char *names_right(const struct names *n)
{
	(void)n;
	return "right";
}
