/*
 * uuid.h - GUID text and name-based (v5, SHA-1) GUIDs for missing ones.
 */
#ifndef CCWGEN_UUID_H
#define CCWGEN_UUID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A GUID as COM lays it out (Data1..3 in host order, Data4 bytes). */
struct uuid {
	uint32_t data1;
	uint16_t data2, data3;
	uint8_t data4[8];
};

#define UUID_STRING_SIZE 37 /* 36 characters + NUL, without braces */

/* Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, with or without surrounding
 * braces, hex digits in either case. Returns false on anything else. */
bool uuid_parse(const char *text, struct uuid *out);

/* Formats in upper case without braces, as used in IDL and the registry. */
void uuid_format(const struct uuid *uuid, char out[UUID_STRING_SIZE]);

/* RFC 9562 name-based UUID version 5: SHA-1 over the namespace's bytes in
 * network order followed by `name`, version and variant bits set. */
void uuid_v5(const struct uuid *namespace_id, const void *name, size_t name_len,
	     struct uuid *out);

/* The namespace ccwgen derives missing GUIDs in (a fixed, documented v5 of
 * the DNS name "ccwgen.invalid" — see uuid.c). */
extern const struct uuid uuid_namespace_ccwgen;

/* A random (v4) UUID for --new-guid. Returns false if no randomness was had. */
bool uuid_random(struct uuid *out);

/* SHA-1 of `len` bytes (exposed for its test vectors). */
void sha1(const void *data, size_t len, uint8_t out[20]);

#endif
