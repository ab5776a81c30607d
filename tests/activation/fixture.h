/*
 * fixture.h - helpers for the registry and activation tests: a private
 * temporary directory with its own $CCW_REGISTRY (never the user's or
 * /etc's files), file helpers, and the error description a failing call
 * raised.
 */
#ifndef CCW_TEST_FIXTURE_H
#define CCW_TEST_FIXTURE_H

#include <ccw/runtime.h>

#include <limits.h>
#include <stdbool.h>
#include <sys/types.h>

typedef struct fixture {
    char dir[256];           /* the temporary directory, mode 0700 */
    char registry[PATH_MAX]; /* DIR/reg/registry.json, which $CCW_REGISTRY names */
} fixture;

/* Create the directory and point $CCW_REGISTRY at DIR/reg/registry.json. */
void fixture_setup(fixture *f);
/* Remove the directory and everything in it. */
void fixture_teardown(fixture *f);

/* Write text to path (creating its directory, mode 0755) and give it mode. */
void fixture_write(const char *path, const char *text, mode_t mode);
/* The content of a file, NUL-terminated (free it); NULL if it is missing. */
char *fixture_read(const char *path);
/* Copy a file, giving the copy mode. */
void fixture_copy(const char *from, const char *to, mode_t mode);

/* The description of this thread's IErrorInfo (free it), "" if none. */
char *fixture_error_description(void);
/* Assert that the pending error's description contains both texts. */
void fixture_assert_error(const char *text, const char *other);

#endif /* CCW_TEST_FIXTURE_H */
