/*
 * test_uuid.c - SHA-1 (FIPS 180 vectors), UUID text, v5 (RFC 9562) and v4.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uuid.h"

static const struct uuid namespace_dns = {
	0x6ba7b810u, 0x9dadu, 0x11d1u, { 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 },
};

static void sha1_hex(const void *data, size_t len, char hex[41])
{
	uint8_t digest[20];

	sha1(data, len, digest);
	for (unsigned i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

static void test_sha1_fips_vectors(void **state)
{
	char hex[41];

	(void)state;
	sha1_hex("abc", 3, hex);
	assert_string_equal(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");

	sha1_hex("", 0, hex);
	assert_string_equal(hex, "da39a3ee5e6b4b0d3255bfef95601890afd80709");

	/* 448 bits: the length field no longer fits, padding takes a second block. */
	sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	assert_string_equal(hex, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");

	/* 896 bits: more than one full block of message. */
	sha1_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
		 "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112, hex);
	assert_string_equal(hex, "a49b2446a02c645bf419f995b67091253a04a259");
}

static void test_sha1_million_a(void **state)
{
	size_t len = 1000000;
	char *data = malloc(len);
	char hex[41];

	(void)state;
	assert_non_null(data);
	memset(data, 'a', len);
	sha1_hex(data, len, hex);
	free(data);
	assert_string_equal(hex, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

/* Lengths around the 55/56/64-byte padding boundaries, against digests
 * computed independently (Python hashlib) of 'a' repeated. */
static void test_sha1_padding_boundaries(void **state)
{
	static const struct {
		size_t len;
		const char *hex;
	} cases[] = {
		{ 55, "c1c8bbdc22796e28c0e15163d20899b65621d65a" },
		{ 56, "c2db330f6083854c99d4b5bfb6e8f29f201be699" },
		{ 63, "03f09f5b158a7a8cdad920bddc29b81c18a551f5" },
		{ 64, "0098ba824b5c16427bd7a1122a5a442a25ec644d" },
		{ 65, "11655326c708d70319be2610e8a57d9a5b959d3b" },
	};
	char data[65];
	char hex[41];

	(void)state;
	memset(data, 'a', sizeof(data));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sha1_hex(data, cases[i].len, hex);
		assert_string_equal(hex, cases[i].hex);
	}
}

static void test_v5_rfc9562_vector(void **state)
{
	struct uuid u;
	char text[UUID_STRING_SIZE];

	(void)state;
	uuid_v5(&namespace_dns, "www.example.com", strlen("www.example.com"), &u);
	uuid_format(&u, text);
	assert_string_equal(text, "2ED6657D-E927-568B-95E1-2665A8AEA6A2");
	assert_int_equal(u.data3 >> 12, 5);
	assert_int_equal(u.data4[0] & 0xc0, 0x80);
}

static void test_v5_empty_name(void **state)
{
	struct uuid u;
	char text[UUID_STRING_SIZE];

	(void)state;
	/* Python: uuid.uuid5(uuid.NAMESPACE_DNS, "") */
	uuid_v5(&namespace_dns, NULL, 0, &u);
	uuid_format(&u, text);
	assert_string_equal(text, "4EBD0208-8328-5D69-8C44-EC50939C0967");
}

static void test_v5_depends_on_namespace_and_name(void **state)
{
	struct uuid a, b, c;

	(void)state;
	uuid_v5(&namespace_dns, "x", 1, &a);
	uuid_v5(&namespace_dns, "y", 1, &b);
	uuid_v5(&uuid_namespace_ccwgen, "x", 1, &c);
	assert_memory_not_equal(&a, &b, sizeof(a));
	assert_memory_not_equal(&a, &c, sizeof(a));
}

static void test_namespace_ccwgen_derivation(void **state)
{
	struct uuid derived;

	(void)state;
	uuid_v5(&namespace_dns, "ccwgen.invalid", strlen("ccwgen.invalid"), &derived);
	assert_memory_equal(&derived, &uuid_namespace_ccwgen, sizeof(derived));
}

static void test_parse_forms(void **state)
{
	static const char *const forms[] = {
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8",
		"6BA7B810-9DAD-11D1-80B4-00C04FD430C8",
		"{6ba7b810-9dad-11d1-80b4-00c04fd430c8}",
		"{6Ba7B810-9dAd-11D1-80b4-00C04fd430C8}",
	};
	struct uuid u;

	(void)state;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		memset(&u, 0, sizeof(u));
		assert_true(uuid_parse(forms[i], &u));
		assert_int_equal(u.data1, 0x6ba7b810u);
		assert_int_equal(u.data2, 0x9dad);
		assert_int_equal(u.data3, 0x11d1);
		assert_memory_equal(u.data4, namespace_dns.data4, 8);
	}
}

static void test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"",
		"6ba7b810-9dad-11d1-80b4-00c04fd430c",     /* one digit short */
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8a",   /* one digit long */
		"6ba7b8109dad-11d1-80b4-00c04fd430c8",     /* missing hyphen */
		"6ba7b810-9dad-11d1-80b400c04fd430c8",     /* missing hyphen */
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8-",   /* extra hyphen */
		"6ba7b81-09dad-11d1-80b4-00c04fd430c8",    /* hyphen misplaced */
		"6ba7b810-9dad-11d1-80b4-00c04fd43-c8",    /* hyphen for a digit */
		"6ba7b810-9dad-11d1-80b4-00c04fd430cg",    /* bad hex */
		"6ba7b810-9dad-11d1-80b4-00c04fd430 8",    /* bad hex */
		"+ba7b810-9dad-11d1-80b4-00c04fd430c8",    /* bad hex */
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8}",   /* closing brace only */
		"{6ba7b810-9dad-11d1-80b4-00c04fd430c8",   /* opening brace only */
		"(6ba7b810-9dad-11d1-80b4-00c04fd430c8)",  /* wrong brackets */
		"{6ba7b810-9dad-11d1-80b4-00c04fd430c8}x", /* trailing garbage */
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8 ",   /* trailing space */
		" 6ba7b810-9dad-11d1-80b4-00c04fd430c8",   /* leading space */
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8xx",  /* 38 bytes, no braces */
		"{{6ba7b810-9dad-11d1-80b4-00c04fd430c8}}",
		"6ba7b8109dad11d180b400c04fd430c8",        /* no hyphens at all */
	};
	struct uuid u;
	const struct uuid untouched = { 1, 2, 3, { 4, 5, 6, 7, 8, 9, 10, 11 } };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		u = untouched;
		if (uuid_parse(bad[i], &u))
			fail_msg("accepted \"%s\"", bad[i]);
		assert_memory_equal(&u, &untouched, sizeof(u));
	}
}

static void test_format_round_trip(void **state)
{
	const struct uuid u = {
		0x0123abcdu, 0x00efu, 0xf00du, { 0x00, 0x01, 0xfe, 0xff, 0x10, 0x20, 0x30, 0x0a },
	};
	struct uuid back;
	char text[UUID_STRING_SIZE];

	(void)state;
	memset(text, 'x', sizeof(text));
	uuid_format(&u, text);
	assert_string_equal(text, "0123ABCD-00EF-F00D-0001-FEFF1020300A");
	assert_true(uuid_parse(text, &back));
	assert_memory_equal(&u, &back, sizeof(u));
}

static void test_random_version_and_variant(void **state)
{
	uint8_t ones[16] = { 0 }, zeros[16] = { 0 };
	struct uuid prev = { 0 };

	(void)state;
	for (unsigned i = 0; i < 64; i++) {
		struct uuid u;
		uint8_t b[16];

		assert_true(uuid_random(&u));
		assert_int_equal(u.data3 >> 12, 4);
		assert_int_equal(u.data4[0] & 0xc0, 0x80);
		assert_memory_not_equal(&u, &prev, sizeof(u));
		prev = u;

		b[0] = (uint8_t)(u.data1 >> 24);
		b[1] = (uint8_t)(u.data1 >> 16);
		b[2] = (uint8_t)(u.data1 >> 8);
		b[3] = (uint8_t)u.data1;
		b[4] = (uint8_t)(u.data2 >> 8);
		b[5] = (uint8_t)u.data2;
		b[6] = (uint8_t)(u.data3 >> 8);
		b[7] = (uint8_t)u.data3;
		memcpy(b + 8, u.data4, 8);
		for (unsigned j = 0; j < 16; j++) {
			ones[j] |= b[j];
			zeros[j] |= (uint8_t)~b[j];
		}
	}
	/* Over 64 draws every one of the 122 random bits has been 0 and 1
	 * (the odds of this failing by chance are about 2^-56). */
	for (unsigned j = 0; j < 16; j++) {
		uint8_t random_mask = j == 6 ? 0x0f : j == 8 ? 0x3f : 0xff;

		assert_int_equal(ones[j] & random_mask, random_mask);
		assert_int_equal(zeros[j] & random_mask, random_mask);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha1_fips_vectors),
		cmocka_unit_test(test_sha1_million_a),
		cmocka_unit_test(test_sha1_padding_boundaries),
		cmocka_unit_test(test_v5_rfc9562_vector),
		cmocka_unit_test(test_v5_empty_name),
		cmocka_unit_test(test_v5_depends_on_namespace_and_name),
		cmocka_unit_test(test_namespace_ccwgen_derivation),
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_random_version_and_variant),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
