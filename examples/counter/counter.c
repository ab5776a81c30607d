/* counter: the library's implementation; it knows nothing of COM. */
#include "counter.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counter {
	int value;
	char *name;
};

struct counter *counter_new(void)
{
	struct counter *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	c->name = strdup("counter");
	if (c->name == NULL) {
		free(c);
		return NULL;
	}
	return c;
}

void counter_free(struct counter *c)
{
	if (c == NULL)
		return;
	free(c->name);
	free(c);
}

int counter_get_value(const struct counter *c)
{
	return c->value;
}

void counter_set_value(struct counter *c, int value)
{
	c->value = value;
}

int counter_add(struct counter *c, int step)
{
	if ((step > 0 && c->value > INT_MAX - step) || (step < 0 && c->value < INT_MIN - step))
		return -ERANGE;
	c->value += step;
	return 0;
}

void counter_reset(struct counter *c)
{
	c->value = 0;
}

bool counter_get_is_zero(const struct counter *c)
{
	return c->value == 0;
}

const char *counter_get_name(const struct counter *c)
{
	return c->name;
}

int counter_set_name(struct counter *c, const char *name)
{
	char *copy;

	if (name == NULL || name[0] == '\0')
		return -EINVAL;
	copy = strdup(name);
	if (copy == NULL)
		return -ENOMEM;
	free(c->name);
	c->name = copy;
	return 0;
}

char *counter_describe(const struct counter *c)
{
	int len = snprintf(NULL, 0, "%s = %d", c->name, c->value);
	char *text = malloc((size_t)len + 1);

	if (text != NULL)
		snprintf(text, (size_t)len + 1, "%s = %d", c->name, c->value);
	return text;
}
