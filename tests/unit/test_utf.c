/*
 * test_utf.c - UTF-8 <-> UTF-16 and BSTR conversion (runtime/utf.c).
 *
 * Expected results come from a plain reference codec written here from the
 * definitions (RFC 3629, Unicode ch. 3), not from the implementation's tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/runtime.h>

#include <stdlib.h>
#include <string.h>

#define W(literal) ((const OLECHAR *)u"" literal)
#define INSUFFICIENT_BUFFER HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER)

/* ---- Reference codec ------------------------------------------------------ */

static size_t reference_utf8_encode(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | cp >> 6);
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | cp >> 12);
        out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | cp >> 18);
    out[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static size_t reference_utf16_encode(uint32_t cp, OLECHAR *out)
{
    if (cp < 0x10000) {
        out[0] = (OLECHAR)cp;
        return 1;
    }
    out[0] = (OLECHAR)(0xD800 + ((cp - 0x10000) >> 10));
    out[1] = (OLECHAR)(0xDC00 + ((cp - 0x10000) & 0x3FF));
    return 2;
}

/*
 * Decodes one sequence the long way: the length from the lead byte's high
 * bits, then the value, then the shortest-form, surrogate and range rules.
 * Returns the sequence's length, or 0 if it is ill-formed.
 */
static size_t reference_utf8_decode(const unsigned char *src, size_t len, uint32_t *cp)
{
    static const uint32_t shortest[] = { 0, 0, 0x80, 0x800, 0x10000 };
    size_t seq_len;
    uint32_t value;

    if (src[0] < 0x80)
        seq_len = 1, value = src[0];
    else if ((src[0] & 0xE0) == 0xC0)
        seq_len = 2, value = src[0] & 0x1Fu;
    else if ((src[0] & 0xF0) == 0xE0)
        seq_len = 3, value = src[0] & 0x0Fu;
    else if ((src[0] & 0xF8) == 0xF0)
        seq_len = 4, value = src[0] & 0x07u;
    else
        return 0;
    if (seq_len > len)
        return 0;
    for (size_t k = 1; k < seq_len; k++) {
        if ((src[k] & 0xC0) != 0x80)
            return 0;
        value = value << 6 | (src[k] & 0x3Fu);
    }
    if (value < shortest[seq_len] || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        return 0;
    *cp = value;
    return seq_len;
}

/* The UTF-16 of a whole UTF-8 buffer, or -1 if the reference rejects it. */
static long reference_utf8_to_utf16(const unsigned char *src, size_t len, OLECHAR *out)
{
    size_t i = 0, units = 0;

    while (i < len) {
        uint32_t cp;
        size_t used = reference_utf8_decode(src + i, len - i, &cp);

        if (!used)
            return -1;
        units += reference_utf16_encode(cp, out + units);
        i += used;
    }
    return (long)units;
}

/* ---- Helpers ---------------------------------------------------------------- */

static void assert_utf8_to_utf16(const char *utf8, size_t len, const OLECHAR *expected, size_t expected_len)
{
    OLECHAR out[64];
    size_t out_len = 12345;
    BSTR bstr = NULL;

    assert_true(expected_len <= 64);
    assert_int_equal(ccw_utf8_to_utf16(utf8, len, NULL, 0, &out_len), S_OK);
    assert_int_equal(out_len, expected_len);
    out_len = 12345;
    assert_int_equal(ccw_utf8_to_utf16(utf8, len, out, 64, &out_len), S_OK);
    assert_int_equal(out_len, expected_len);
    assert_memory_equal(out, expected, expected_len * sizeof(OLECHAR));

    assert_int_equal(ccw_bstr_from_utf8(utf8, len, &bstr), S_OK);
    assert_non_null(bstr);
    assert_int_equal(SysStringLen(bstr), expected_len);
    assert_memory_equal(bstr, expected, expected_len * sizeof(OLECHAR));
    assert_int_equal(bstr[expected_len], 0);
    SysFreeString(bstr);
}

static void assert_utf16_to_utf8(const OLECHAR *utf16, size_t len, const char *expected, size_t expected_len)
{
    char out[64];
    size_t out_len = 12345;

    assert_true(expected_len <= 64);
    assert_int_equal(ccw_utf16_to_utf8(utf16, len, NULL, 0, &out_len), S_OK);
    assert_int_equal(out_len, expected_len);
    out_len = 12345;
    assert_int_equal(ccw_utf16_to_utf8(utf16, len, out, 64, &out_len), S_OK);
    assert_int_equal(out_len, expected_len);
    assert_memory_equal(out, expected, expected_len);
}

/* Ill-formed UTF-8 fails through every entry point, writing and allocating nothing. */
static void assert_utf8_rejected(const char *utf8, size_t len)
{
    OLECHAR out[64];
    OLECHAR untouched[64];
    size_t out_len = 12345;
    BSTR bstr = (BSTR)(void *)untouched;

    memset(out, 0x5A, sizeof(out));
    memcpy(untouched, out, sizeof(out));
    assert_int_equal(ccw_utf8_to_utf16(utf8, len, NULL, 0, &out_len), E_INVALIDARG);
    assert_int_equal(ccw_utf8_to_utf16(utf8, len, out, 64, &out_len), E_INVALIDARG);
    assert_int_equal(out_len, 12345);
    assert_memory_equal(out, untouched, sizeof(out));
    assert_int_equal(ccw_bstr_from_utf8(utf8, len, &bstr), E_INVALIDARG);
    assert_ptr_equal(bstr, untouched);
}

static void assert_utf16_rejected(const OLECHAR *utf16, size_t len)
{
    char out[64];
    char untouched[64];
    size_t out_len = 12345;
    char *converted = untouched;
    BSTR bstr = SysAllocStringLen(utf16, (UINT)len);

    memset(out, 0x5A, sizeof(out));
    memcpy(untouched, out, sizeof(out));
    assert_int_equal(ccw_utf16_to_utf8(utf16, len, NULL, 0, &out_len), E_INVALIDARG);
    assert_int_equal(ccw_utf16_to_utf8(utf16, len, out, 64, &out_len), E_INVALIDARG);
    assert_int_equal(out_len, 12345);
    assert_memory_equal(out, untouched, sizeof(out));
    assert_non_null(bstr);
    assert_int_equal(ccw_bstr_to_utf8(bstr, &converted, &out_len), E_INVALIDARG);
    assert_ptr_equal(converted, untouched);
    assert_int_equal(out_len, 12345);
    SysFreeString(bstr);
}

/* ---- UTF-8 -> UTF-16 -------------------------------------------------------- */

static void test_utf8_ascii(void **state)
{
    (void)state;
    assert_utf8_to_utf16("Hello", 5, W("Hello"), 5);
    assert_utf8_to_utf16("a longer ASCII string, past the word size", 41,
                         W("a longer ASCII string, past the word size"), 41);
    assert_utf8_to_utf16("", 0, W(""), 0);
}

static void test_utf8_nul_terminated(void **state)
{
    (void)state;
    assert_utf8_to_utf16("Hello\0ignored", CCW_NUL_TERMINATED, W("Hello"), 5);
    assert_utf8_to_utf16("", CCW_NUL_TERMINATED, W(""), 0);
}

static void test_utf8_embedded_nul(void **state)
{
    (void)state;
    assert_utf8_to_utf16("a\0b", 3, W("a\0b"), 3);
    assert_utf8_to_utf16("\0\0\0\0\0\0\0\0\0", 9, W("\0\0\0\0\0\0\0\0\0"), 9);
}

/* The first and last code point of every sequence length, and either side of the surrogates. */
static void test_utf8_boundaries(void **state)
{
    (void)state;
    assert_utf8_to_utf16("\x7F", 1, W("\x7F"), 1);
    assert_utf8_to_utf16("\xC2\x80", 2, W("\x80"), 1);
    assert_utf8_to_utf16("\xDF\xBF", 2, W("\x7FF"), 1);
    assert_utf8_to_utf16("\xE0\xA0\x80", 3, W("\x800"), 1);
    assert_utf8_to_utf16("\xED\x9F\xBF", 3, W("\xD7FF"), 1);
    assert_utf8_to_utf16("\xEE\x80\x80", 3, W("\xE000"), 1);
    assert_utf8_to_utf16("\xEF\xBF\xBF", 3, W("\xFFFF"), 1);
    assert_utf8_to_utf16("\xF0\x90\x80\x80", 4, W("\xD800\xDC00"), 2);
    assert_utf8_to_utf16("\xF4\x8F\xBF\xBF", 4, W("\xDBFF\xDFFF"), 2);
}

static void test_utf8_surrogate_pair(void **state)
{
    (void)state;
    /* U+1F600 */
    assert_utf8_to_utf16("\xF0\x9F\x98\x80", 4, W("\xD83D\xDE00"), 2);
    assert_utf8_to_utf16("x\xF0\x9F\x98\x80y", 6, W("x\U0001F600y"), 4);
}

static void test_utf8_mixed(void **state)
{
    (void)state;
    assert_utf8_to_utf16("h\xE2\x82\xACllo \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80!", 19,
                         W("h\x20AC" "llo \xE9t\xE9 \U0001F600!"), 13);
}

static void test_utf8_measure_only(void **state)
{
    size_t out_len = 0;

    (void)state;
    assert_int_equal(ccw_utf8_to_utf16("\xF0\x9F\x98\x80\xC3\xA9", 6, NULL, 0, &out_len), S_OK);
    assert_int_equal(out_len, 3);
}

/* Too small a buffer is refused whole: nothing written, out_len untouched. */
static void test_utf8_small_buffer(void **state)
{
    OLECHAR out[4] = { 0x1111, 0x2222, 0x3333, 0x4444 };
    size_t out_len = 99;

    (void)state;
    assert_int_equal(ccw_utf8_to_utf16("ab\xF0\x9F\x98\x80", 6, out, 4, &out_len), S_OK);
    assert_int_equal(out_len, 4);
    assert_memory_equal(out, W("ab\U0001F600"), 4 * sizeof(OLECHAR));
    out[0] = 0x1111;
    out_len = 99;
    assert_int_equal(ccw_utf8_to_utf16("abc\xF0\x9F\x98\x80", 7, out, 4, &out_len), INSUFFICIENT_BUFFER);
    assert_int_equal(out_len, 99);
    assert_int_equal(out[0], 0x1111);
    assert_int_equal(ccw_utf8_to_utf16("abcde", 5, out, 4, NULL), INSUFFICIENT_BUFFER);
    assert_int_equal(ccw_utf8_to_utf16("x", 1, out, 0, NULL), INSUFFICIENT_BUFFER);
    assert_int_equal(out[0], 0x1111);
}

static void test_utf8_null_arguments(void **state)
{
    OLECHAR out[4];
    size_t out_len = 99;

    (void)state;
    assert_int_equal(ccw_utf8_to_utf16(NULL, 0, out, 4, &out_len), S_OK);
    assert_int_equal(out_len, 0);
    assert_int_equal(ccw_utf8_to_utf16(NULL, 0, NULL, 0, &out_len), S_OK);
    assert_int_equal(ccw_utf8_to_utf16(NULL, 3, out, 4, &out_len), E_POINTER);
    assert_int_equal(ccw_utf8_to_utf16(NULL, CCW_NUL_TERMINATED, out, 4, &out_len), E_POINTER);
    assert_int_equal(ccw_utf8_to_utf16("abc", 3, NULL, 0, NULL), E_POINTER);
    /* out_len is optional when converting. */
    assert_int_equal(ccw_utf8_to_utf16("abc", 3, out, 4, NULL), S_OK);
    assert_memory_equal(out, W("abc"), 3 * sizeof(OLECHAR));
}

static void test_utf8_rejects_overlong(void **state)
{
    (void)state;
    assert_utf8_rejected("\xC0\x80", 2);
    assert_utf8_rejected("\xC0\xAF", 2);
    assert_utf8_rejected("\xC1\xBF", 2);
    assert_utf8_rejected("\xE0\x80\x80", 3);
    assert_utf8_rejected("\xE0\x9F\xBF", 3);
    assert_utf8_rejected("\xF0\x80\x80\x80", 4);
    assert_utf8_rejected("\xF0\x8F\xBF\xBF", 4);
}

static void test_utf8_rejects_surrogates(void **state)
{
    (void)state;
    assert_utf8_rejected("\xED\xA0\x80", 3);
    assert_utf8_rejected("\xED\xAF\xBF", 3);
    assert_utf8_rejected("\xED\xB0\x80", 3);
    assert_utf8_rejected("\xED\xBF\xBF", 3);
    /* CESU-8's pair for U+1F600 */
    assert_utf8_rejected("\xED\xA0\xBD\xED\xB8\x80", 6);
}

static void test_utf8_rejects_above_max(void **state)
{
    (void)state;
    assert_utf8_rejected("\xF4\x90\x80\x80", 4);
    assert_utf8_rejected("\xF5\x80\x80\x80", 4);
    assert_utf8_rejected("\xF7\xBF\xBF\xBF", 4);
    assert_utf8_rejected("\xF8\x88\x80\x80\x80", 5);
    assert_utf8_rejected("\xFC\x84\x80\x80\x80\x80", 6);
    assert_utf8_rejected("\xFE", 1);
    assert_utf8_rejected("\xFF", 1);
}

static void test_utf8_rejects_truncated(void **state)
{
    (void)state;
    assert_utf8_rejected("\xC3", 1);
    assert_utf8_rejected("\xE2\x82", 2);
    assert_utf8_rejected("\xE2", 1);
    assert_utf8_rejected("\xF0\x9F\x98", 3);
    assert_utf8_rejected("\xF0\x9F", 2);
    assert_utf8_rejected("\xF0", 1);
    /* cut short by the next character, or by the given length */
    assert_utf8_rejected("\xE2\x82" "A", 3);
    assert_utf8_rejected("\xF0\x9F\x98" "abcdefgh", 11);
    assert_utf8_rejected("ab\xC3\xA9", 3);
    assert_utf8_rejected("ab\xE2\x82\xAC", 4);
}

static void test_utf8_rejects_stray_continuation(void **state)
{
    (void)state;
    assert_utf8_rejected("\x80", 1);
    assert_utf8_rejected("\xBF", 1);
    assert_utf8_rejected("a\x80" "b", 3);
    assert_utf8_rejected("\xC3\xA9\xA9", 3);
    assert_utf8_rejected("\xF0\x9F\x98\x80\x80", 5);
    assert_utf8_rejected("\xC3" "A", 2);
}

/* Each code point alone, one long string of all of them, and the way back. */
static void test_utf8_every_code_point(void **state)
{
    const size_t count = 0x110000 - 0x800;
    unsigned char *utf8 = malloc(count * 4);
    OLECHAR *expected = malloc(count * 2 * sizeof(OLECHAR));
    OLECHAR *utf16 = malloc(count * 2 * sizeof(OLECHAR));
    char *back = malloc(count * 4);
    size_t utf8_len = 0, expected_len = 0, out_len = 0;

    (void)state;
    assert_non_null(utf8);
    assert_non_null(expected);
    assert_non_null(utf16);
    assert_non_null(back);
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        utf8_len += reference_utf8_encode(cp, utf8 + utf8_len);
        expected_len += reference_utf16_encode(cp, expected + expected_len);
    }
    assert_int_equal(ccw_utf8_to_utf16((const char *)utf8, utf8_len, utf16, count * 2, &out_len), S_OK);
    assert_int_equal(out_len, expected_len);
    assert_memory_equal(utf16, expected, expected_len * sizeof(OLECHAR));
    assert_int_equal(ccw_utf16_to_utf8(utf16, out_len, back, count * 4, &out_len), S_OK);
    assert_int_equal(out_len, utf8_len);
    assert_memory_equal(back, utf8, utf8_len);
    free(utf8);
    free(expected);
    free(utf16);
    free(back);
}

/*
 * Every pair of leading bytes, followed by continuation bytes or by ASCII,
 * is accepted exactly when the reference accepts it, with the same result.
 */
static void test_utf8_matches_reference(void **state)
{
    static const unsigned char tails[][2] = { { 0x80, 0x80 }, { 0xBF, 0xBF }, { 0x41, 0x41 }, { 0x80, 0x41 } };

    (void)state;
    for (unsigned int first = 0; first < 256; first++) {
        for (unsigned int second = 0; second < 256; second++) {
            for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
                const unsigned char src[4] = { (unsigned char)first, (unsigned char)second, tails[t][0], tails[t][1] };
                OLECHAR expected[8], out[8];
                long expected_len = reference_utf8_to_utf16(src, sizeof(src), expected);
                size_t out_len = 0;
                HRESULT hr = ccw_utf8_to_utf16((const char *)src, sizeof(src), out, 8, &out_len);

                if (expected_len < 0) {
                    assert_int_equal(hr, E_INVALIDARG);
                } else {
                    assert_int_equal(hr, S_OK);
                    assert_int_equal(out_len, (size_t)expected_len);
                    assert_memory_equal(out, expected, out_len * sizeof(OLECHAR));
                }
            }
        }
    }
}

/* Non-ASCII characters and bad bytes at every offset across the eight-byte ASCII steps. */
static void test_utf8_ascii_run_edges(void **state)
{
    static const char *const inserts[] = { "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80" };
    static const char *const bad[] = { "\x80", "\xC3", "\xFF", "\xED\xA0\x80" };

    (void)state;
    for (size_t total = 0; total <= 40; total++) {
        for (size_t pos = 0; pos <= total; pos++) {
            unsigned char src[48];
            OLECHAR expected[48];

            for (size_t i = 0; i < sizeof(inserts) / sizeof(inserts[0]); i++) {
                size_t n = strlen(inserts[i]);
                long expected_len;

                memset(src, 'a', sizeof(src));
                memcpy(src + pos, inserts[i], n);
                expected_len = reference_utf8_to_utf16(src, total + n, expected);
                assert_true(expected_len >= 0);
                assert_utf8_to_utf16((const char *)src, total + n, expected, (size_t)expected_len);
            }
            for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                memset(src, 'a', sizeof(src));
                memcpy(src + pos, bad[i], strlen(bad[i]));
                assert_utf8_rejected((const char *)src, total + strlen(bad[i]));
            }
        }
    }
}

/* ---- UTF-16 -> UTF-8 -------------------------------------------------------- */

static void test_utf16_basic(void **state)
{
    (void)state;
    assert_utf16_to_utf8(W("Hello"), 5, "Hello", 5);
    assert_utf16_to_utf8(W(""), 0, "", 0);
    assert_utf16_to_utf8(W("\x7F\x80\x7FF\x800\xD7FF\xE000\xFFFF"), 7,
                         "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF", 17);
    assert_utf16_to_utf8(W("\xD800\xDC00\xDBFF\xDFFF"), 4, "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", 8);
    assert_utf16_to_utf8(W("x\U0001F600y"), 4, "x\xF0\x9F\x98\x80y", 6);
}

static void test_utf16_nul_terminated_and_embedded_nul(void **state)
{
    (void)state;
    assert_utf16_to_utf8(W("abc\0def"), CCW_NUL_TERMINATED, "abc", 3);
    assert_utf16_to_utf8(W("abc\0def"), 7, "abc\0def", 7);
}

static void test_utf16_small_buffer(void **state)
{
    char out[4] = { 'q', 'q', 'q', 'q' };
    size_t out_len = 99;

    (void)state;
    assert_int_equal(ccw_utf16_to_utf8(W("\U0001F600"), 2, out, 4, &out_len), S_OK);
    assert_int_equal(out_len, 4);
    out[0] = 'q';
    out_len = 99;
    assert_int_equal(ccw_utf16_to_utf8(W("a\U0001F600"), 3, out, 4, &out_len), INSUFFICIENT_BUFFER);
    assert_int_equal(ccw_utf16_to_utf8(W("\xE9"), 1, out, 1, NULL), INSUFFICIENT_BUFFER);
    assert_int_equal(out_len, 99);
    assert_int_equal(out[0], 'q');
}

static void test_utf16_null_arguments(void **state)
{
    char out[4];
    size_t out_len = 99;

    (void)state;
    assert_int_equal(ccw_utf16_to_utf8(NULL, 0, out, 4, &out_len), S_OK);
    assert_int_equal(out_len, 0);
    assert_int_equal(ccw_utf16_to_utf8(NULL, 2, out, 4, &out_len), E_POINTER);
    assert_int_equal(ccw_utf16_to_utf8(NULL, CCW_NUL_TERMINATED, out, 4, &out_len), E_POINTER);
    assert_int_equal(ccw_utf16_to_utf8(W("abc"), 3, NULL, 0, NULL), E_POINTER);
    assert_int_equal(ccw_utf16_to_utf8(W("abc"), 3, out, 4, NULL), S_OK);
    assert_memory_equal(out, "abc", 3);
}

/* A length whose UTF-8 could not be counted in a size_t is refused before the input is read. */
static void test_utf16_length_overflow(void **state)
{
    const OLECHAR one[1] = { 'a' };
    size_t out_len = 99;

    (void)state;
    assert_int_equal(ccw_utf16_to_utf8(one, SIZE_MAX / 2, NULL, 0, &out_len), E_OUTOFMEMORY);
    assert_int_equal(out_len, 99);
}

static void test_utf16_rejects_unpaired_surrogates(void **state)
{
    (void)state;
    assert_utf16_rejected(W("\xD800"), 1);
    assert_utf16_rejected(W("\xDBFF"), 1);
    assert_utf16_rejected(W("\xDC00"), 1);
    assert_utf16_rejected(W("\xDFFF"), 1);
    assert_utf16_rejected(W("\xD83D" "a"), 2);
    assert_utf16_rejected(W("\xD83D\xD83D\xDE00"), 3);
    assert_utf16_rejected(W("\xDE00\xD83D"), 2);
    assert_utf16_rejected(W("abcdefgh\xDE00"), 9);
    /* a pair cut in two by the given length */
    assert_utf16_rejected(W("abc\xD83D\xDE00"), 4);
}

static void test_utf16_ascii_run_edges(void **state)
{
    (void)state;
    for (size_t total = 0; total <= 40; total++) {
        for (size_t pos = 0; pos <= total; pos++) {
            OLECHAR src[48];
            char expected[64];

            for (size_t i = 0; i < 48; i++)
                src[i] = 'a';
            memset(expected, 'a', sizeof(expected));
            src[pos] = 0xE9;
            expected[pos] = (char)0xC3;
            expected[pos + 1] = (char)0xA9;
            assert_utf16_to_utf8(src, total + 1, expected, total + 2);

            src[pos] = 0xDC00;
            assert_utf16_rejected(src, total + 1);
        }
    }
}

/* ---- BSTR ------------------------------------------------------------------- */

static void test_bstr_from_utf8(void **state)
{
    BSTR bstr = NULL;

    (void)state;
    assert_int_equal(ccw_bstr_from_utf8("caf\xC3\xA9", CCW_NUL_TERMINATED, &bstr), S_OK);
    assert_int_equal(SysStringLen(bstr), 4);
    assert_int_equal(SysStringByteLen(bstr), 8);
    assert_memory_equal(bstr, W("caf\xE9"), 5 * sizeof(OLECHAR));
    SysFreeString(bstr);

    assert_int_equal(ccw_bstr_from_utf8("a\0b\xF0\x9F\x98\x80\0", 8, &bstr), S_OK);
    assert_int_equal(SysStringLen(bstr), 6);
    assert_memory_equal(bstr, W("a\0b\xD83D\xDE00\0"), 7 * sizeof(OLECHAR));
    SysFreeString(bstr);
}

/* A NULL string is a NULL BSTR (COM's empty string); an empty one is an allocated empty BSTR. */
static void test_bstr_from_utf8_null_and_empty(void **state)
{
    OLECHAR sentinel;
    BSTR bstr = &sentinel;

    (void)state;
    assert_int_equal(ccw_bstr_from_utf8(NULL, CCW_NUL_TERMINATED, &bstr), S_OK);
    assert_null(bstr);
    bstr = &sentinel;
    assert_int_equal(ccw_bstr_from_utf8(NULL, 5, &bstr), S_OK);
    assert_null(bstr);
    assert_int_equal(ccw_bstr_from_utf8("", CCW_NUL_TERMINATED, &bstr), S_OK);
    assert_non_null(bstr);
    assert_int_equal(SysStringLen(bstr), 0);
    assert_int_equal(bstr[0], 0);
    SysFreeString(bstr);
    assert_int_equal(ccw_bstr_from_utf8("ignored", 0, &bstr), S_OK);
    assert_non_null(bstr);
    assert_int_equal(SysStringLen(bstr), 0);
    SysFreeString(bstr);
}

static void test_bstr_from_utf8_null_out(void **state)
{
    (void)state;
    assert_int_equal(ccw_bstr_from_utf8("x", 1, NULL), E_POINTER);
}

static void test_bstr_to_utf8(void **state)
{
    BSTR bstr = SysAllocString(W("caf\xE9 \U0001F600"));
    char *utf8 = NULL;
    size_t len = 0;

    (void)state;
    assert_non_null(bstr);
    assert_int_equal(ccw_bstr_to_utf8(bstr, &utf8, &len), S_OK);
    assert_int_equal(len, 10);
    assert_memory_equal(utf8, "caf\xC3\xA9 \xF0\x9F\x98\x80", 11);
    ccw_string_free(utf8);

    /* out_len is optional */
    assert_int_equal(ccw_bstr_to_utf8(bstr, &utf8, NULL), S_OK);
    assert_string_equal(utf8, "caf\xC3\xA9 \xF0\x9F\x98\x80");
    ccw_string_free(utf8);
    SysFreeString(bstr);
}

static void test_bstr_to_utf8_embedded_nul(void **state)
{
    BSTR bstr = SysAllocStringLen(W("a\0b\0"), 4);
    char *utf8 = NULL;
    size_t len = 0;

    (void)state;
    assert_int_equal(ccw_bstr_to_utf8(bstr, &utf8, &len), S_OK);
    assert_int_equal(len, 4);
    assert_memory_equal(utf8, "a\0b\0", 5);
    ccw_string_free(utf8);
    SysFreeString(bstr);
}

/* As everywhere in COM, a NULL BSTR is the empty string. */
static void test_bstr_to_utf8_null_bstr(void **state)
{
    char *utf8 = NULL;
    size_t len = 99;

    (void)state;
    assert_int_equal(ccw_bstr_to_utf8(NULL, &utf8, &len), S_OK);
    assert_non_null(utf8);
    assert_int_equal(len, 0);
    assert_string_equal(utf8, "");
    ccw_string_free(utf8);
}

static void test_bstr_to_utf8_null_out(void **state)
{
    BSTR bstr = SysAllocString(W("x"));
    size_t len = 99;

    (void)state;
    assert_int_equal(ccw_bstr_to_utf8(bstr, NULL, &len), E_POINTER);
    assert_int_equal(len, 99);
    SysFreeString(bstr);
}

/* The string can be freed with free() too (libccw's C runtime is the caller's off Windows). */
static void test_string_free(void **state)
{
    BSTR bstr = SysAllocString(W("freed"));
    char *utf8 = NULL;

    (void)state;
    ccw_string_free(NULL);
    assert_int_equal(ccw_bstr_to_utf8(bstr, &utf8, NULL), S_OK);
    assert_string_equal(utf8, "freed");
#ifdef _WIN32
    ccw_string_free(utf8);
#else
    free(utf8);
#endif
    SysFreeString(bstr);
}

/* ---- BSTR into the caller's buffer ------------------------------------------ */

static void test_bstr_to_utf8_buf_fits(void **state)
{
    BSTR bstr = SysAllocString(W("caf\xE9"));
    char buf[8];
    char *utf8 = NULL;
    size_t len = 0;

    (void)state;
    assert_int_equal(ccw_bstr_to_utf8_buf(bstr, buf, sizeof(buf), &utf8, &len), S_OK);
    assert_ptr_equal(utf8, buf);
    assert_int_equal(len, 5);
    assert_memory_equal(utf8, "caf\xC3\xA9", 6);
    ccw_string_free_buf(utf8, buf); /* leaves buf alone: ASan/valgrind would see a bad free */

    /* exactly room for the bytes and the terminator */
    assert_int_equal(ccw_bstr_to_utf8_buf(bstr, buf, 6, &utf8, NULL), S_OK);
    assert_ptr_equal(utf8, buf);
    assert_string_equal(utf8, "caf\xC3\xA9");
    SysFreeString(bstr);
}

/* Too long for the buffer: allocated, whether the OLECHARs (ASCII) or only
 * the UTF-8 bytes (caf\xE9 in 5 bytes) overflow it. */
static void test_bstr_to_utf8_buf_spills(void **state)
{
    BSTR ascii = SysAllocString(W("overflow"));
    BSTR wide = SysAllocString(W("caf\xE9"));
    char buf[8];
    char *utf8 = NULL;
    size_t len = 0;

    (void)state;
    assert_int_equal(ccw_bstr_to_utf8_buf(ascii, buf, sizeof(buf), &utf8, &len), S_OK);
    assert_ptr_not_equal(utf8, buf);
    assert_int_equal(len, 8);
    assert_string_equal(utf8, "overflow");
    ccw_string_free_buf(utf8, buf);

    assert_int_equal(ccw_bstr_to_utf8_buf(wide, buf, 5, &utf8, &len), S_OK);
    assert_ptr_not_equal(utf8, buf);
    assert_int_equal(len, 5);
    assert_string_equal(utf8, "caf\xC3\xA9");
    ccw_string_free_buf(utf8, buf);

    /* no buffer at all */
    assert_int_equal(ccw_bstr_to_utf8_buf(wide, NULL, 0, &utf8, &len), S_OK);
    assert_non_null(utf8);
    assert_string_equal(utf8, "caf\xC3\xA9");
    ccw_string_free_buf(utf8, NULL);
    SysFreeString(ascii);
    SysFreeString(wide);
}

static void test_bstr_to_utf8_buf_null_bstr(void **state)
{
    char buf[4] = "xyz";
    char *utf8 = NULL;
    size_t len = 99;

    (void)state;
    assert_int_equal(ccw_bstr_to_utf8_buf(NULL, buf, sizeof(buf), &utf8, &len), S_OK);
    assert_ptr_equal(utf8, buf);
    assert_int_equal(len, 0);
    assert_string_equal(utf8, "");
}

static void test_bstr_to_utf8_buf_errors(void **state)
{
    BSTR bstr = SysAllocString(W("x"));
    BSTR lone = SysAllocString(W("ab\xD800"));
    char buf[8];
    char *utf8 = (char *)"untouched";
    size_t len = 99;

    (void)state;
    assert_int_equal(ccw_bstr_to_utf8_buf(bstr, buf, sizeof(buf), NULL, &len), E_POINTER);
    assert_int_equal(ccw_bstr_to_utf8_buf(bstr, NULL, 8, &utf8, &len), E_POINTER);
    assert_int_equal(ccw_bstr_to_utf8_buf(lone, buf, sizeof(buf), &utf8, &len), E_INVALIDARG);
    assert_int_equal(ccw_bstr_to_utf8_buf(lone, NULL, 0, &utf8, &len), E_INVALIDARG);
    assert_string_equal(utf8, "untouched");
    assert_int_equal(len, 99);
    ccw_string_free_buf(NULL, buf);
    SysFreeString(bstr);
    SysFreeString(lone);
}

/*
 * The ASCII fast paths work a run, two runs and an overlapping last run at a
 * time: every length up to several runs, with one non-ASCII character (or
 * none) at every position, goes UTF-8 -> BSTR -> UTF-8 (into buffers too
 * small, just large enough and large) as the reference codec says, and a bad
 * character anywhere is refused.
 */
static void test_bstr_ascii_run_edges(void **state)
{
    static const char *const inserts[] = { "", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80" };

    (void)state;
    for (size_t total = 0; total <= 70; total++) {
        for (size_t pos = 0; pos <= total; pos++) {
            for (size_t i = 0; i < sizeof(inserts) / sizeof(inserts[0]); i++) {
                unsigned char src[80];
                OLECHAR expected[80];
                size_t n = strlen(inserts[i]), bytes = total + n;
                size_t caps[] = { bytes, bytes + 1, 256 };
                long units;
                BSTR bstr = NULL;

                memset(src, 'a', sizeof(src));
                for (size_t k = 0; k < total; k++)
                    src[k] = (unsigned char)('!' + (k * 7) % 94);
                memcpy(src + pos, inserts[i], n);
                units = reference_utf8_to_utf16(src, bytes, expected);
                assert_true(units >= 0);
                assert_int_equal(ccw_bstr_from_utf8((const char *)src, bytes, &bstr), S_OK);
                assert_int_equal(SysStringLen(bstr), (size_t)units);
                assert_memory_equal(bstr, expected, (size_t)units * sizeof(OLECHAR));
                for (size_t c = 0; c < sizeof(caps) / sizeof(caps[0]); c++) {
                    char buf[256];
                    char *utf8 = NULL;
                    size_t len = 0;

                    assert_int_equal(ccw_bstr_to_utf8_buf(bstr, buf, caps[c], &utf8, &len), S_OK);
                    assert_int_equal(len, bytes);
                    assert_memory_equal(utf8, src, bytes);
                    assert_int_equal(utf8[bytes], '\0');
                    if (bytes < caps[c])
                        assert_ptr_equal(utf8, buf);
                    else
                        assert_ptr_not_equal(utf8, buf);
                    ccw_string_free_buf(utf8, buf);
                }
                if (n) {
                    char buf[256];
                    char *utf8 = NULL;
                    BSTR rejected = NULL;

                    bstr[pos] = 0xDC00; /* a lone low surrogate */
                    assert_int_equal(ccw_bstr_to_utf8_buf(bstr, buf, sizeof(buf), &utf8, NULL),
                                     E_INVALIDARG);
                    assert_null(utf8);
                    src[pos + n - 1] = 'z'; /* a truncated sequence */
                    assert_int_equal(ccw_bstr_from_utf8((const char *)src, bytes, &rejected),
                                     E_INVALIDARG);
                    assert_null(rejected);
                }
                SysFreeString(bstr);
            }
        }
    }
}

/* Pseudo-random strings of any scalar value (NUL included) survive UTF-8 -> BSTR -> UTF-8. */
static void test_bstr_round_trip(void **state)
{
    uint32_t seed = 12345;

    (void)state;
    for (int round = 0; round < 2000; round++) {
        unsigned char utf8[4 * 64];
        size_t utf8_len = 0, chars = (size_t)(round % 64), back_len = 0;
        BSTR bstr = NULL;
        char *back = NULL;

        for (size_t i = 0; i < chars; i++) {
            uint32_t cp;

            seed = seed * 1103515245u + 12345u;
            /* mostly ASCII, like real text; the rest anywhere in Unicode */
            cp = (seed >> 8) % 4 ? (seed >> 16) % 0x80 : (seed >> 11) % 0x110000;
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp -= 0x800;
            utf8_len += reference_utf8_encode(cp, utf8 + utf8_len);
        }
        assert_int_equal(ccw_bstr_from_utf8((const char *)utf8, utf8_len, &bstr), S_OK);
        assert_int_equal(ccw_bstr_to_utf8(bstr, &back, &back_len), S_OK);
        assert_int_equal(back_len, utf8_len);
        assert_memory_equal(back, utf8, utf8_len);
        assert_int_equal(back[back_len], '\0');
        ccw_string_free(back);
        SysFreeString(bstr);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_ascii),
        cmocka_unit_test(test_utf8_nul_terminated),
        cmocka_unit_test(test_utf8_embedded_nul),
        cmocka_unit_test(test_utf8_boundaries),
        cmocka_unit_test(test_utf8_surrogate_pair),
        cmocka_unit_test(test_utf8_mixed),
        cmocka_unit_test(test_utf8_measure_only),
        cmocka_unit_test(test_utf8_small_buffer),
        cmocka_unit_test(test_utf8_null_arguments),
        cmocka_unit_test(test_utf8_rejects_overlong),
        cmocka_unit_test(test_utf8_rejects_surrogates),
        cmocka_unit_test(test_utf8_rejects_above_max),
        cmocka_unit_test(test_utf8_rejects_truncated),
        cmocka_unit_test(test_utf8_rejects_stray_continuation),
        cmocka_unit_test(test_utf8_every_code_point),
        cmocka_unit_test(test_utf8_matches_reference),
        cmocka_unit_test(test_utf8_ascii_run_edges),
        cmocka_unit_test(test_utf16_basic),
        cmocka_unit_test(test_utf16_nul_terminated_and_embedded_nul),
        cmocka_unit_test(test_utf16_small_buffer),
        cmocka_unit_test(test_utf16_null_arguments),
        cmocka_unit_test(test_utf16_length_overflow),
        cmocka_unit_test(test_utf16_rejects_unpaired_surrogates),
        cmocka_unit_test(test_utf16_ascii_run_edges),
        cmocka_unit_test(test_bstr_from_utf8),
        cmocka_unit_test(test_bstr_from_utf8_null_and_empty),
        cmocka_unit_test(test_bstr_from_utf8_null_out),
        cmocka_unit_test(test_bstr_to_utf8),
        cmocka_unit_test(test_bstr_to_utf8_embedded_nul),
        cmocka_unit_test(test_bstr_to_utf8_null_bstr),
        cmocka_unit_test(test_bstr_to_utf8_null_out),
        cmocka_unit_test(test_string_free),
        cmocka_unit_test(test_bstr_round_trip),
        cmocka_unit_test(test_bstr_to_utf8_buf_fits),
        cmocka_unit_test(test_bstr_to_utf8_buf_spills),
        cmocka_unit_test(test_bstr_to_utf8_buf_null_bstr),
        cmocka_unit_test(test_bstr_to_utf8_buf_errors),
        cmocka_unit_test(test_bstr_ascii_run_edges),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
