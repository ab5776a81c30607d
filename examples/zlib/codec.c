/*
 * codec.c - the adapters of codec.h over the system's zlib.
 */
#define ZLIB_CONST /* zlib's input pointers are const, as ours are */
#include "codec.h"

#include <ccw/runtime.h>

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

struct zlib_codec {
	int level;
};

struct zlib_codec *zlib_codec_new(void)
{
	struct zlib_codec *codec = malloc(sizeof(*codec));

	if (!codec) {
		errno = ENOMEM;
		return NULL;
	}
	codec->level = Z_DEFAULT_COMPRESSION;
	return codec;
}

void zlib_codec_free(struct zlib_codec *codec)
{
	free(codec);
}

int zlib_codec_get_level(const struct zlib_codec *codec)
{
	return codec->level;
}

int zlib_codec_set_level(struct zlib_codec *codec, int level)
{
	if (level < Z_DEFAULT_COMPRESSION || level > Z_BEST_COMPRESSION) {
		ccw_error_set_message("zlib: level %d is not -1 (default) or 0 to 9", level);
		return -EINVAL;
	}
	codec->level = level;
	return 0;
}

int zlib_codec_compress(const struct zlib_codec *codec, const unsigned char *source,
			size_t source_len, unsigned char **compressed, size_t *compressed_len)
{
	uLong source_size = (uLong)source_len;
	uLongf size;
	unsigned char *buffer;
	int rc;

	/* uLong has 32 bits on Windows. */
	if (source_size != source_len) {
		ccw_error_set_message("zlib: %zu bytes are more than compress2 takes", source_len);
		return -EINVAL;
	}
	size = compressBound(source_size);
	buffer = malloc(size);
	if (!buffer)
		return -ENOMEM;
	rc = compress2(buffer, &size, source, source_size, codec->level);
	if (rc != Z_OK) {
		free(buffer);
		/* compressBound leaves room, and the level was checked: only
		 * memory can run out. */
		return rc == Z_MEM_ERROR ? -ENOMEM : -EINVAL;
	}
	*compressed = buffer;
	*compressed_len = size;
	return 0;
}

/* Doubles the output buffer; false when memory (or size_t) runs out. */
static bool grow(unsigned char **buffer, size_t *capacity)
{
	unsigned char *bigger;

	if (*capacity > SIZE_MAX / 2)
		return false;
	bigger = realloc(*buffer, *capacity * 2);
	if (!bigger)
		return false;
	*buffer = bigger;
	*capacity *= 2;
	return true;
}

/* The error for inflate's result `rc` (not Z_OK or Z_STREAM_END). */
static int inflate_error(const z_stream *stream, int rc)
{
	switch (rc) {
	case Z_MEM_ERROR:
		return -ENOMEM;
	case Z_NEED_DICT:
		ccw_error_set_message("zlib: the stream needs a preset dictionary");
		break;
	case Z_BUF_ERROR:
		ccw_error_set_message("zlib: the stream is incomplete");
		break;
	default:
		ccw_error_set_message("zlib: %s", stream->msg ? stream->msg : "invalid data");
		break;
	}
	return -EINVAL;
}

int zlib_codec_uncompress(const struct zlib_codec *codec, const unsigned char *source,
			  size_t source_len, unsigned char **data, size_t *data_len)
{
	z_stream stream = { 0 }; /* Z_NULL zalloc/zfree/opaque: zlib's allocator */
	size_t remaining = source_len, used = 0, capacity = 256;
	unsigned char *buffer;
	int rc, error = 0;

	(void)codec; /* inflating needs no setting: the stream says how */
	buffer = malloc(capacity);
	if (!buffer)
		return -ENOMEM;
	rc = inflateInit(&stream);
	if (rc != Z_OK) {
		free(buffer);
		return rc == Z_MEM_ERROR ? -ENOMEM : -EINVAL;
	}
	stream.next_in = source;
	do {
		uInt room;

		/* avail_in and avail_out are uInt: feed and drain in pieces. */
		if (stream.avail_in == 0 && remaining) {
			stream.avail_in = remaining > UINT_MAX ? UINT_MAX : (uInt)remaining;
			remaining -= stream.avail_in;
		}
		if (used == capacity && !grow(&buffer, &capacity)) {
			rc = Z_MEM_ERROR;
			break;
		}
		room = capacity - used > UINT_MAX ? UINT_MAX : (uInt)(capacity - used);
		stream.next_out = buffer + used;
		stream.avail_out = room;
		rc = inflate(&stream, Z_NO_FLUSH);
		used += room - stream.avail_out;
	} while (rc == Z_OK);

	if (rc != Z_STREAM_END) {
		error = inflate_error(&stream, rc);
	} else if (stream.avail_in || remaining) {
		ccw_error_set_message("zlib: %zu bytes follow the end of the stream",
				      stream.avail_in + remaining);
		error = -EINVAL;
	}
	inflateEnd(&stream);
	if (error) {
		free(buffer);
		return error;
	}
	*data = buffer;
	*data_len = used;
	return 0;
}
