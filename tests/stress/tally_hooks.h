/*
 * tally_hooks.h - what the stress test sees of tally beyond its COM face:
 * a callback from each object's destructor.
 */
#ifndef TALLY_HOOKS_H
#define TALLY_HOOKS_H

#include <stdint.h>

#include "tally.h"

/* Called by tally_free with the object's serial number (0, 1, ... in order
 * of creation) and its final total, before the object is freed. */
typedef void (*tally_destroy_hook)(unsigned serial, int64_t total);
void tally_set_destroy_hook(tally_destroy_hook hook);

#endif
