/*
 * utf8.c - UTF-8 well-formedness (Unicode Table 3-7) and repair.
 */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

size_t utf8_next(const char *s, size_t len, bool *valid)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf; /* range of the second byte */
	size_t need;                        /* continuation bytes */
	size_t i;

	if (p[0] < 0x80) {
		*valid = true;
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		need = 1;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		need = 2;
		if (p[0] == 0xe0)
			lo = 0xa0; /* overlong */
		else if (p[0] == 0xed)
			hi = 0x9f; /* surrogates */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		need = 3;
		if (p[0] == 0xf0)
			lo = 0x90; /* overlong */
		else if (p[0] == 0xf4)
			hi = 0x8f; /* above U+10FFFF */
	} else {
		*valid = false; /* continuation byte, C0, C1 or F5..FF */
		return 1;
	}

	for (i = 1; i <= need && i < len; i++) {
		if (p[i] < lo || p[i] > hi)
			break;
		lo = 0x80;
		hi = 0xbf;
	}
	*valid = i > need;
	return i;
}

size_t utf8_invalid_at(const char *s, size_t len)
{
	size_t pos = 0;
	bool valid = true;

	while (pos < len) {
		size_t n = utf8_next(s + pos, len - pos, &valid);

		if (!valid)
			break;
		pos += n;
	}
	return pos;
}

char *utf8_sanitize(const char *s)
{
	static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
	size_t len = strlen(s);
	size_t size = 1;
	size_t pos;
	char *copy, *out;
	bool valid;

	/* First pass: the exact size, since a replacement may be longer than
	 * the bytes it replaces. */
	for (pos = 0; pos < len;) {
		size_t n = utf8_next(s + pos, len - pos, &valid);

		size += valid ? n : sizeof(replacement) - 1;
		pos += n;
	}

	copy = malloc(size);
	if (!copy)
		return NULL;
	out = copy;
	for (pos = 0; pos < len;) {
		size_t n = utf8_next(s + pos, len - pos, &valid);

		if (valid) {
			memcpy(out, s + pos, n);
			out += n;
		} else {
			memcpy(out, replacement, sizeof(replacement) - 1);
			out += sizeof(replacement) - 1;
		}
		pos += n;
	}
	*out = '\0';
	return copy;
}
