/*
 * options.h - the option text of an annotation (`progid=Vendor.Name dual
 * help="say \"hi\""`): space-separated bare flags or key=value tokens, a value
 * optionally double-quoted with \" and \\ escapes. Used for the macros' strings
 * and for the sidecar's strings alike.
 */
#ifndef CCWGEN_OPTIONS_H
#define CCWGEN_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

struct option_token {
	char *key;      /* the flag or the key; never NULL */
	char *value;    /* unescaped value, or NULL for a bare flag */
	unsigned column; /* 0-based offset of the token's first byte in the text */
};

struct option_list {
	struct option_token *tokens;
	size_t count;
};

/* Splits `text` into tokens. Returns 0 on success; on malformed text
 * (unterminated quote, `=` with no key, quote inside a bare token, control or
 * non-UTF-8 bytes, ...) returns -1, sets *error_column to the 0-based offset of
 * the offending byte and *error_message to a static English message, and
 * leaves `out` empty. */
int option_list_parse(const char *text, struct option_list *out,
		      unsigned *error_column, const char **error_message);
void option_list_free(struct option_list *list);

/* The token with this key, or NULL. Keys compare exactly (they are ASCII). */
const struct option_token *option_list_find(const struct option_list *list, const char *key);

#endif
