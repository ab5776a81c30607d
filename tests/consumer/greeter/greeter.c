#include "greeter.h"

#include <stdlib.h>

struct greeter {
	int factor;
};

struct greeter *greeter_new(void)
{
	struct greeter *g = malloc(sizeof(*g));

	if (g)
		g->factor = 2;
	return g;
}

void greeter_free(struct greeter *g)
{
	free(g);
}

int greeter_times(const struct greeter *g, int n)
{
	return g->factor * n;
}
