/*
 * codec.h - the few adapters examples/zlib needs between zlib and COM.
 *
 * zlib.h itself is wrapped unchanged: zlib.sidecar.json maps zlibVersion,
 * crc32, adler32 and compressBound straight onto the ZLib.Codec class. Only
 * what cannot map directly is adapted here:
 *
 *  - zlib has no object, and a COM class needs one: struct zlib_codec holds
 *    the one setting a codec has, its compression level.
 *  - compress2 and uncompress write into a buffer the caller sizes, which a
 *    COM caller cannot know in advance for Uncompress. These adapters return
 *    a malloc'd buffer and its length instead, which the generated thunk
 *    copies into a SAFEARRAY(BYTE) and frees (transfer full).
 *  - zlib's error codes are not errno values: the adapters translate them
 *    and leave zlib's own message as the COM error description.
 *
 * This header stays plain C; every annotation is in the sidecar.
 */
#ifndef ZLIB_CODEC_H
#define ZLIB_CODEC_H

#include <stddef.h>

struct zlib_codec;

/* A codec at zlib's default level; NULL (errno ENOMEM) when out of memory. */
struct zlib_codec *zlib_codec_new(void);
void zlib_codec_free(struct zlib_codec *codec);

/* The compression level: -1 (zlib's default, 6) or 0 (none) to 9 (best). */
int zlib_codec_get_level(const struct zlib_codec *codec);
/* Fails with -EINVAL for a level outside -1..9. */
int zlib_codec_set_level(struct zlib_codec *codec, int level);

/*
 * Compresses `source` into a new zlib stream (RFC 1950) at the codec's
 * level: *compressed (malloc'd, the caller frees it) and *compressed_len,
 * set only on success. Returns 0, or -ENOMEM / -EINVAL.
 */
int zlib_codec_compress(const struct zlib_codec *codec, const unsigned char *source,
			size_t source_len, unsigned char **compressed, size_t *compressed_len);

/*
 * Decompresses one whole zlib stream, however large it grows: *data
 * (malloc'd) and *data_len, set only on success. Returns 0, -ENOMEM, or
 * -EINVAL for data that is not exactly one complete zlib stream, with zlib's
 * reason as the error message.
 */
int zlib_codec_uncompress(const struct zlib_codec *codec, const unsigned char *source,
			  size_t source_len, unsigned char **data, size_t *data_len);

#endif
