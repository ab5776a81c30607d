/*
 * fail_alloc.h - allocation failure injection and block counting for tests.
 *
 * A test executable is linked with fail_alloc_link_args (tests/common/
 * meson.build): -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free.
 * The wrapping is a link-time rename, so every allocation made by the
 * objects linked into the executable (the code under test and the test
 * itself, but not libc or shared libraries internally) goes through here and
 * can be made to fail. It holds under the sanitizers too: __real_malloc is
 * whatever malloc the process has, ASan's included.
 *
 * A failure sets errno to ENOMEM, as malloc's does. Not thread-safe: arm
 * failures only while one thread allocates.
 */
#ifndef TESTS_COMMON_FAIL_ALLOC_H
#define TESTS_COMMON_FAIL_ALLOC_H

#include <stdbool.h>

/* Makes the allocation `n` allocations from now fail (0 = the next one);
 * only that one. */
void fail_alloc_at(unsigned n);

/* Makes the allocation `n` allocations from now fail, and every one after
 * it until fail_alloc_disarm: memory that stays exhausted. */
void fail_alloc_from(unsigned n);

/* Stops injecting failures. Returns whether an armed failure happened. */
bool fail_alloc_disarm(void);

/*
 * Blocks allocated through the wrappers and not yet freed. Only differences
 * mean something: memory that libc allocates for itself (strdup,
 * open_memstream) is not counted when made but is when freed.
 */
long fail_alloc_live(void);

#endif
