/* tally.c - see tally.h. */
#include "tally_hooks.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct tally {
    _Atomic int64_t total;
    unsigned serial;
};

static atomic_uint next_serial;
static _Atomic(tally_destroy_hook) destroy_hook;

void tally_set_destroy_hook(tally_destroy_hook hook)
{
    atomic_store(&destroy_hook, hook);
}

struct tally *tally_new(void)
{
    struct tally *t = malloc(sizeof(*t));

    if (!t)
        return NULL;
    atomic_init(&t->total, 0);
    t->serial = atomic_fetch_add(&next_serial, 1);
    return t;
}

void tally_free(struct tally *t)
{
    tally_destroy_hook hook = atomic_load(&destroy_hook);

    if (hook)
        hook(t->serial, atomic_load(&t->total));
    free(t);
}

int64_t tally_add(struct tally *t, int step)
{
    return atomic_fetch_add(&t->total, step) + step;
}

int64_t tally_get_total(const struct tally *t)
{
    return atomic_load(&t->total);
}

const char *tally_get_name(const struct tally *t)
{
    (void)t;
    return "tally";
}

int tally_measure(const struct tally *t, const char *text)
{
    (void)t;
    return (int)strlen(text);
}
