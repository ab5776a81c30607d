/*
 * utf8.h - UTF-8 validation for text that must be valid on the way out
 * (JSON) or is refused when it is not (annotation options).
 */
#ifndef CCWGEN_UTF8_H
#define CCWGEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Looks at the character starting at `s` (`len` > 0 bytes available).
 * Returns its length and sets *valid when it is well-formed UTF-8 (no
 * overlong forms, surrogates or code points above U+10FFFF); otherwise
 * clears *valid and returns the length of the maximal ill-formed subpart
 * (at least 1), which is what one U+FFFD replaces (Unicode §3.9, U+FFFD
 * substitution of maximal subparts). */
size_t utf8_next(const char *s, size_t len, bool *valid);

/* The offset of the first byte of `s` (`len` bytes) that starts an
 * ill-formed sequence, or `len` when all of it is well-formed UTF-8. */
size_t utf8_invalid_at(const char *s, size_t len);

/* A malloc'd copy of the NUL-terminated `s` with every ill-formed subpart
 * replaced by U+FFFD, or NULL on allocation failure. */
char *utf8_sanitize(const char *s);

#endif
