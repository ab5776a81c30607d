/*
 * test_zlib.c - a C client of examples/zlib: creates ZLib.Codec, calls every
 * member through the generated vtables (and Compress/Uncompress once more
 * through IDispatch), and compares each answer with zlib's own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "zlib_ccw.h"

#include "e2e.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char fox[] = "The quick brown fox jumps over the lazy dog";

static ICodec *new_codec(void)
{
	ICodec *codec = NULL;

	assert_int_equal(zlib_codec_ccw_create(NULL, &IID_ICodec, (void **)&codec), S_OK);
	return codec;
}

/* A SAFEARRAY(BYTE) holding a copy of `size` bytes. */
static SAFEARRAY *byte_array(const void *data, size_t size)
{
	SAFEARRAY *array = SafeArrayCreateVector(VT_UI1, 0, (ULONG)size);

	assert_non_null(array);
	if (size)
		memcpy(array->pvData, data, size);
	return array;
}

/* Checks that a SAFEARRAY(BYTE) from the component holds exactly these bytes,
 * then frees it. */
static void expect_bytes(SAFEARRAY *array, const void *data, size_t size)
{
	assert_non_null(array);
	assert_int_equal(SafeArrayGetDim(array), 1);
	assert_int_equal(SafeArrayGetElemsize(array), 1);
	assert_int_equal(array->rgsabound[0].cElements, size);
	assert_int_equal(array->rgsabound[0].lLbound, 0);
	if (size)
		assert_memory_equal(array->pvData, data, size);
	assert_int_equal(SafeArrayDestroy(array), S_OK);
}

/* `size` bytes of text that compresses well but not trivially. */
static unsigned char *sample(size_t size)
{
	unsigned char *data = malloc(size);

	assert_non_null(data);
	for (size_t i = 0; i < size; i++)
		data[i] = (unsigned char)fox[(i * 7 + i / 13) % (sizeof(fox) - 1)];
	return data;
}

static void test_version(void **state)
{
	ICodec *codec = new_codec();
	BSTR version = NULL;
	char *text;

	(void)state;
	assert_int_equal(ICodec_Version(codec, &version), S_OK);
	text = e2e_take_utf8(version);
	assert_string_equal(text, zlibVersion());
	ccw_string_free(text);
	assert_int_equal(ICodec_Version(codec, NULL), E_POINTER);
	e2e_check_error_info("ZLib.Codec", "ICodec.Version: 'result' is a NULL pointer");
	ICodec_Release(codec);
}

static void test_checksums(void **state)
{
	ICodec *codec = new_codec();
	SAFEARRAY *whole = byte_array(fox, strlen(fox));
	SAFEARRAY *head = byte_array(fox, 10), *tail = byte_array(fox + 10, strlen(fox) - 10);
	ULONGLONG sum = 0;

	(void)state;
	assert_int_equal(ICodec_Crc32(codec, 0, whole, &sum), S_OK);
	assert_int_equal(sum, 0x414FA339);
	assert_int_equal(sum, crc32(0, (const Bytef *)fox, (uInt)strlen(fox)));
	/* A running checksum continues from the previous one. */
	assert_int_equal(ICodec_Crc32(codec, 0, head, &sum), S_OK);
	assert_int_equal(ICodec_Crc32(codec, sum, tail, &sum), S_OK);
	assert_int_equal(sum, 0x414FA339);
	assert_int_equal(ICodec_Crc32(codec, 0, NULL, &sum), S_OK);
	assert_int_equal(sum, 0);

	assert_int_equal(ICodec_Adler32(codec, 1, whole, &sum), S_OK);
	assert_int_equal(sum, 0x5BDC0FDA);
	assert_int_equal(sum, adler32(1, (const Bytef *)fox, (uInt)strlen(fox)));
	assert_int_equal(ICodec_Adler32(codec, 1, head, &sum), S_OK);
	assert_int_equal(ICodec_Adler32(codec, sum, tail, &sum), S_OK);
	assert_int_equal(sum, 0x5BDC0FDA);
	assert_int_equal(ICodec_Adler32(codec, 1, NULL, &sum), S_OK);
	assert_int_equal(sum, 1);
	SafeArrayDestroy(whole);
	SafeArrayDestroy(head);
	SafeArrayDestroy(tail);
	ICodec_Release(codec);
}

static void test_compress_bound(void **state)
{
	static const ULONGLONG sizes[] = { 0, 1, 43, 4096, 1000000 };
	ICodec *codec = new_codec();
	ULONGLONG bound = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		assert_int_equal(ICodec_CompressBound(codec, sizes[i], &bound), S_OK);
		assert_int_equal(bound, compressBound((uLong)sizes[i]));
		assert_true(bound > sizes[i]);
	}
	ICodec_Release(codec);
}

static void test_level(void **state)
{
	ICodec *codec = new_codec();
	LONG level = 0;

	(void)state;
	assert_int_equal(ICodec_get_Level(codec, &level), S_OK);
	assert_int_equal(level, Z_DEFAULT_COMPRESSION);
	assert_int_equal(ICodec_put_Level(codec, 9), S_OK);
	assert_int_equal(ICodec_get_Level(codec, &level), S_OK);
	assert_int_equal(level, 9);
	assert_int_equal(ICodec_put_Level(codec, 10), E_INVALIDARG);
	e2e_check_error_info("ZLib.Codec", "zlib: level 10 is not -1 (default) or 0 to 9");
	assert_int_equal(ICodec_put_Level(codec, -2), E_INVALIDARG);
	e2e_check_error_info("ZLib.Codec", "zlib: level -2 is not -1 (default) or 0 to 9");
	assert_int_equal(ICodec_get_Level(codec, &level), S_OK);
	assert_int_equal(level, 9);
	ICodec_Release(codec);
}

/* Compress gives zlib's own compress2 output at the codec's level, and
 * Uncompress gives the original back. */
static void round_trip(ICodec *codec, int level, const unsigned char *data, size_t size)
{
	SAFEARRAY *source = byte_array(data, size), *compressed = NULL, *restored = NULL;
	uLongf expected_size = compressBound((uLong)size);
	unsigned char *expected = malloc(expected_size);

	assert_non_null(expected);
	assert_int_equal(compress2(expected, &expected_size, data, (uLong)size, level), Z_OK);
	assert_int_equal(ICodec_put_Level(codec, level), S_OK);
	assert_int_equal(ICodec_Compress(codec, source, &compressed), S_OK);
	assert_int_equal(compressed->rgsabound[0].cElements, expected_size);
	assert_memory_equal(compressed->pvData, expected, expected_size);
	assert_int_equal(ICodec_Uncompress(codec, compressed, &restored), S_OK);
	expect_bytes(restored, data, size);
	expect_bytes(compressed, expected, expected_size);
	SafeArrayDestroy(source);
	free(expected);
}

static void test_round_trip(void **state)
{
	ICodec *codec = new_codec();
	unsigned char *data = sample(6000);
	unsigned char noise[3000];
	uint32_t x = 12345;

	(void)state;
	for (size_t i = 0; i < sizeof(noise); i++) {
		x = x * 1103515245u + 12345u;
		noise[i] = (unsigned char)(x >> 24);
	}
	round_trip(codec, Z_DEFAULT_COMPRESSION, data, 6000);
	round_trip(codec, 1, data, 6000);
	round_trip(codec, 9, data, 6000);
	round_trip(codec, 0, data, 6000);
	round_trip(codec, 6, noise, sizeof(noise)); /* grows rather than shrinks */
	round_trip(codec, 6, data, 0);
	free(data);
	ICodec_Release(codec);
}

static void test_large(void **state)
{
	ICodec *codec = new_codec();
	size_t size = 3u << 20; /* the output buffer doubles many times */
	unsigned char *data = sample(size);

	(void)state;
	round_trip(codec, 9, data, size);
	free(data);
	ICodec_Release(codec);
}

static void expect_uncompress_error(ICodec *codec, const void *data, size_t size,
				    const char *description)
{
	SAFEARRAY *source = byte_array(data, size), *result = byte_array("x", 1), *kept = result;

	assert_int_equal(ICodec_Uncompress(codec, source, &result), E_INVALIDARG);
	assert_null(result); /* never half-made */
	e2e_check_error_info("ZLib.Codec", description);
	SafeArrayDestroy(kept);
	SafeArrayDestroy(source);
}

static void test_uncompress_errors(void **state)
{
	ICodec *codec = new_codec();
	static const char garbage[] = "this is not a zlib stream";
	unsigned char stream[64], padded[70];
	uLongf size = sizeof(stream);

	(void)state;
	expect_uncompress_error(codec, garbage, sizeof(garbage), "zlib: incorrect header check");
	expect_uncompress_error(codec, "", 0, "zlib: the stream is incomplete");
	assert_int_equal(compress(stream, &size, (const Bytef *)fox, (uLong)strlen(fox)), Z_OK);
	expect_uncompress_error(codec, stream, size - 3, "zlib: the stream is incomplete");
	memcpy(padded, stream, size);
	memcpy(padded + size, "abc", 3);
	expect_uncompress_error(codec, padded, size + 3,
				"zlib: 3 bytes follow the end of the stream");
	stream[size - 1] ^= 0xFF; /* the Adler-32 trailer */
	expect_uncompress_error(codec, stream, size, "zlib: incorrect data check");
	assert_int_equal(ICodec_Uncompress(codec, NULL, NULL), E_POINTER);
	e2e_check_error_info("ZLib.Codec", "ICodec.Uncompress: 'data' is a NULL pointer");
	ICodec_Release(codec);
}

/* Late binding: the same members by name through IDispatch::Invoke. */
static HRESULT invoke(ICodec *codec, const char *name, VARIANT *arg, VARIANT *result,
		      EXCEPINFO *error)
{
	BSTR bstr = e2e_bstr(name);
	LPOLESTR names[1] = { bstr };
	DISPID dispid = DISPID_UNKNOWN;
	DISPPARAMS params = { arg, NULL, arg ? 1 : 0, 0 };
	HRESULT hr;

	assert_int_equal(ICodec_GetIDsOfNames(codec, &IID_NULL, names, 1, 0, &dispid), S_OK);
	SysFreeString(bstr);
	hr = ICodec_Invoke(codec, dispid, &IID_NULL, 0, DISPATCH_METHOD, &params, result, error,
			   NULL);
	return hr;
}

static void test_late_bound(void **state)
{
	ICodec *codec = new_codec();
	unsigned char *data = sample(4000);
	VARIANT arg, compressed, restored, bad;
	EXCEPINFO error;
	char *text;

	(void)state;
	VariantInit(&arg);
	VariantInit(&compressed);
	VariantInit(&restored);
	VariantInit(&bad);
	V_VT(&arg) = VT_ARRAY | VT_UI1;
	V_ARRAY(&arg) = byte_array(data, 4000);
	assert_int_equal(invoke(codec, "compress", &arg, &compressed, NULL), S_OK);
	assert_int_equal(V_VT(&compressed), VT_ARRAY | VT_UI1);
	assert_int_equal(invoke(codec, "UNCOMPRESS", &compressed, &restored, NULL), S_OK);
	assert_int_equal(V_VT(&restored), VT_ARRAY | VT_UI1);
	expect_bytes(V_ARRAY(&restored), data, 4000);

	/* A failure arrives as DISP_E_EXCEPTION with zlib's reason. */
	assert_int_equal(invoke(codec, "Uncompress", &arg, &bad, &error), DISP_E_EXCEPTION);
	assert_int_equal(V_VT(&bad), VT_EMPTY);
	assert_int_equal(error.scode, E_INVALIDARG);
	text = e2e_take_utf8(error.bstrDescription);
	assert_string_equal(text, "zlib: incorrect header check");
	ccw_string_free(text);
	text = e2e_take_utf8(error.bstrSource);
	assert_string_equal(text, "ZLib.Codec");
	ccw_string_free(text);
	SysFreeString(error.bstrHelpFile);

	VariantClear(&arg);
	VariantClear(&compressed);
	free(data);
	ICodec_Release(codec);
}

static void test_identity(void **state)
{
	static const IID *const iids[] = { &IID_IUnknown, &IID_IDispatch, &IID_ICodec,
					   &IID_ISupportErrorInfo };
	static const IID unheard = { 0x87654321, 0x4321, 0x1234, { 8, 7, 6, 5, 4, 3, 2, 1 } };
	ICodec *codec = new_codec();

	(void)state;
	e2e_check_identity((IUnknown *)codec, iids, sizeof(iids) / sizeof(iids[0]), &unheard);
	ICodec_Release(codec);
	assert_int_equal(zlib_ccw_can_unload_now(), S_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_checksums),
		cmocka_unit_test(test_compress_bound),
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_uncompress_errors),
		cmocka_unit_test(test_late_bound),
		cmocka_unit_test(test_identity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
