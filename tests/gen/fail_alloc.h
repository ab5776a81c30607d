/*
 * fail_alloc.h - allocation failure injection for the generator's unit tests.
 *
 * The test executables are linked with -Wl,--wrap=malloc,--wrap=calloc,
 * --wrap=realloc, so every allocation made by the code under test (and by the
 * test itself, but not by libc or shared libraries internally) goes through
 * here and can be made to fail.
 */
#ifndef TESTS_GEN_FAIL_ALLOC_H
#define TESTS_GEN_FAIL_ALLOC_H

#include <stdbool.h>

/* Makes the allocation `n` allocations from now fail (0 = the next one);
 * only that one. */
void fail_alloc_at(unsigned n);

/* Stops injecting failures. Returns whether the armed failure happened. */
bool fail_alloc_disarm(void);

#endif
