/*
 * uuid.c - GUID text, SHA-1 and name-based (v5) and random (v4) UUIDs.
 *
 * SHA-1 is here only to derive stable GUIDs from names (RFC 9562 §5.5); it
 * is not used for anything that needs collision resistance.
 */
#include "uuid.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/random.h>
#endif

/*
 * 16CE285F-AA69-5126-9092-6A027F236193 =
 * uuid_v5(DNS namespace 6ba7b810-9dad-11d1-80b4-00c04fd430c8, "ccwgen.invalid").
 * ".invalid" is the TLD reserved never to resolve (RFC 2606), so the name can
 * never collide with a real domain's namespace. test_uuid.c recomputes it.
 */
const struct uuid uuid_namespace_ccwgen = {
	0x16ce285fu, 0xaa69u, 0x5126u,
	{ 0x90, 0x92, 0x6a, 0x02, 0x7f, 0x23, 0x61, 0x93 },
};

/* SHA-1, FIPS 180-4 §6.1, over a byte stream. */
struct sha1_state {
	uint32_t h[5];
	uint64_t length;   /* bytes hashed so far */
	uint8_t block[64]; /* the partial block not yet compressed */
	size_t used;       /* bytes in `block` */
};

static uint32_t rotl32(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t load_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void store_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void sha1_compress(struct sha1_state *s, const uint8_t block[64])
{
	uint32_t w[80];
	uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];

	for (unsigned t = 0; t < 16; t++)
		w[t] = load_be32(block + 4 * t);
	for (unsigned t = 16; t < 80; t++)
		w[t] = rotl32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);

	for (unsigned t = 0; t < 80; t++) {
		uint32_t f, k;

		if (t < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999u;
		} else if (t < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1u;
		} else if (t < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdcu;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6u;
		}
		uint32_t temp = rotl32(a, 5) + f + e + k + w[t];
		e = d;
		d = c;
		c = rotl32(b, 30);
		b = a;
		a = temp;
	}

	s->h[0] += a;
	s->h[1] += b;
	s->h[2] += c;
	s->h[3] += d;
	s->h[4] += e;
}

static void sha1_init(struct sha1_state *s)
{
	s->h[0] = 0x67452301u;
	s->h[1] = 0xefcdab89u;
	s->h[2] = 0x98badcfeu;
	s->h[3] = 0x10325476u;
	s->h[4] = 0xc3d2e1f0u;
	s->length = 0;
	s->used = 0;
}

static void sha1_update(struct sha1_state *s, const void *data, size_t len)
{
	const uint8_t *p = data;

	s->length += len;
	if (s->used > 0) {
		size_t take = sizeof(s->block) - s->used;

		if (take > len)
			take = len;
		memcpy(s->block + s->used, p, take);
		s->used += take;
		p += take;
		len -= take;
		if (s->used < sizeof(s->block))
			return;
		sha1_compress(s, s->block);
		s->used = 0;
	}
	for (; len >= 64; p += 64, len -= 64)
		sha1_compress(s, p);
	if (len > 0) {
		memcpy(s->block, p, len);
		s->used = len;
	}
}

static void sha1_final(struct sha1_state *s, uint8_t out[20])
{
	uint64_t bits = s->length * 8;

	/* Padding: 0x80, zeros up to 56 mod 64, then the bit length (64-bit BE). */
	s->block[s->used++] = 0x80;
	if (s->used > 56) {
		memset(s->block + s->used, 0, sizeof(s->block) - s->used);
		sha1_compress(s, s->block);
		s->used = 0;
	}
	memset(s->block + s->used, 0, 56 - s->used);
	store_be32(s->block + 56, (uint32_t)(bits >> 32));
	store_be32(s->block + 60, (uint32_t)bits);
	sha1_compress(s, s->block);

	for (unsigned i = 0; i < 5; i++)
		store_be32(out + 4 * i, s->h[i]);
}

void sha1(const void *data, size_t len, uint8_t out[20])
{
	struct sha1_state s;

	sha1_init(&s);
	sha1_update(&s, data, len);
	sha1_final(&s, out);
}

/* The 16 bytes of a UUID in network order (RFC 9562 §4). */
static void uuid_to_bytes(const struct uuid *uuid, uint8_t bytes[16])
{
	store_be32(bytes, uuid->data1);
	bytes[4] = (uint8_t)(uuid->data2 >> 8);
	bytes[5] = (uint8_t)uuid->data2;
	bytes[6] = (uint8_t)(uuid->data3 >> 8);
	bytes[7] = (uint8_t)uuid->data3;
	memcpy(bytes + 8, uuid->data4, 8);
}

static void uuid_from_bytes(const uint8_t bytes[16], struct uuid *out)
{
	out->data1 = load_be32(bytes);
	out->data2 = (uint16_t)(bytes[4] << 8 | bytes[5]);
	out->data3 = (uint16_t)(bytes[6] << 8 | bytes[7]);
	memcpy(out->data4, bytes + 8, 8);
}

/* Sets the version nibble and the RFC 9562 variant bits (10xx). */
static void set_version(uint8_t bytes[16], unsigned version)
{
	bytes[6] = (uint8_t)((bytes[6] & 0x0f) | (version << 4));
	bytes[8] = (uint8_t)((bytes[8] & 0x3f) | 0x80);
}

void uuid_v5(const struct uuid *namespace_id, const void *name, size_t name_len,
	     struct uuid *out)
{
	struct sha1_state s;
	uint8_t bytes[16], digest[20];

	uuid_to_bytes(namespace_id, bytes);
	sha1_init(&s);
	sha1_update(&s, bytes, sizeof(bytes));
	if (name_len > 0)
		sha1_update(&s, name, name_len);
	sha1_final(&s, digest);

	set_version(digest, 5);
	uuid_from_bytes(digest, out);
}

/* Not isxdigit(): that depends on the locale. */
static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool uuid_parse(const char *text, struct uuid *out)
{
	uint8_t bytes[16];
	size_t len = strlen(text);
	unsigned n = 0;

	if (len == UUID_STRING_SIZE + 1) {
		if (text[0] != '{' || text[len - 1] != '}')
			return false;
		text++;
	} else if (len != UUID_STRING_SIZE - 1) {
		return false;
	}

	for (unsigned i = 0; i < UUID_STRING_SIZE - 1; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (text[i] != '-')
				return false;
			continue;
		}
		int hi = hex_value(text[i]), lo = hex_value(text[i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		bytes[n++] = (uint8_t)(hi << 4 | lo);
		i++;
	}

	uuid_from_bytes(bytes, out);
	return true;
}

void uuid_format(const struct uuid *uuid, char out[UUID_STRING_SIZE])
{
	static const char digits[] = "0123456789ABCDEF";
	uint8_t bytes[16];
	char *p = out;

	uuid_to_bytes(uuid, bytes);
	for (unsigned i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = digits[bytes[i] >> 4];
		*p++ = digits[bytes[i] & 0x0f];
	}
	*p = '\0';
}

static bool read_urandom(uint8_t *buf, size_t len)
{
	int fd;
	bool ok = false;

	do
		fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return false;

	while (len > 0) {
		ssize_t n = read(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto done;
		buf += n;
		len -= (size_t)n;
	}
	ok = true;
done:
	close(fd);
	return ok;
}

static bool random_bytes(uint8_t *buf, size_t len)
{
#if defined(__linux__)
	while (len > 0) {
		ssize_t n = getrandom(buf, len, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == ENOSYS) /* kernels before 3.17 */
			return read_urandom(buf, len);
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
#else
	return read_urandom(buf, len);
#endif
}

bool uuid_random(struct uuid *out)
{
	uint8_t bytes[16];

	if (!random_bytes(bytes, sizeof(bytes)))
		return false;
	set_version(bytes, 4);
	uuid_from_bytes(bytes, out);
	return true;
}
