/*
 * naming.c - naming defaults and name checks (DESIGN.md §4).
 */
#include "naming.h"

#include <stdlib.h>
#include <string.h>

static bool is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

char *naming_pascal_case(const char *c_name)
{
	char *out = malloc(strlen(c_name) + 1), *w = out;
	bool word_start = true;

	if (!out)
		return NULL;
	for (const char *r = c_name; *r; r++) {
		if (*r == '_') {
			word_start = true;
			continue;
		}
		*w++ = word_start && *r >= 'a' && *r <= 'z' ? (char)(*r - 'a' + 'A') : *r;
		word_start = false;
	}
	*w = '\0';
	/* A name made only of underscores keeps them: an empty name helps nobody. */
	if (!*out)
		strcpy(out, c_name);
	return out;
}

static const char *strip_prefix(const char *name, const char *prefix)
{
	size_t len = strlen(prefix);

	if (strncmp(name, prefix, len) == 0 && name[len] == '_' && name[len + 1])
		return name + len + 1;
	return name;
}

char *naming_method_name(const char *function, const char *tag, enum method_kind kind)
{
	const char *rest = strip_prefix(function, tag);

	if (kind == METHOD_PROPGET)
		rest = strip_prefix(rest, "get");
	else if (kind == METHOD_PROPPUT)
		rest = strip_prefix(strip_prefix(rest, "set"), "put");
	return naming_pascal_case(rest);
}

char *naming_default_interface(const char *coclass)
{
	char *out = malloc(strlen(coclass) + 2);

	if (out) {
		out[0] = 'I';
		strcpy(out + 1, coclass);
	}
	return out;
}

bool naming_is_identifier(const char *name)
{
	if (!is_alpha(*name) && *name != '_')
		return false;
	for (name++; *name; name++) {
		if (!is_alpha(*name) && !is_digit(*name) && *name != '_')
			return false;
	}
	return true;
}

bool naming_is_progid(const char *progid)
{
	size_t len = strlen(progid);

	if (len == 0 || len > 39 || !is_alpha(progid[0]) || progid[len - 1] == '.')
		return false;
	for (const char *p = progid; *p; p++) {
		if (!is_alpha(*p) && !is_digit(*p) && *p != '.' && *p != '_')
			return false;
		if (*p == '.' && p[1] == '.')
			return false;
	}
	return true;
}
