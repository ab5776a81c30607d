/*
 * test_bstr.c - SysAllocString & co.: Windows semantics and the memory layout
 * Mono relies on (a 4-byte byte-length prefix at the start of a malloc block).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/com.h>

#include <stdlib.h>
#include <string.h>

#define W(literal) ((const OLECHAR *)u"" literal)

static uint32_t prefix_of(BSTR bstr)
{
    uint32_t prefix;

    memcpy(&prefix, (const unsigned char *)bstr - 4, sizeof(prefix));
    return prefix;
}

static void assert_bstr_equal(BSTR bstr, const OLECHAR *expected, size_t len)
{
    assert_non_null(bstr);
    assert_int_equal(SysStringLen(bstr), len);
    assert_int_equal(SysStringByteLen(bstr), len * sizeof(OLECHAR));
    assert_int_equal(prefix_of(bstr), len * sizeof(OLECHAR));
    assert_memory_equal(bstr, expected, len * sizeof(OLECHAR));
    assert_int_equal(bstr[len], 0);
}

static void test_alloc_string(void **state)
{
    BSTR bstr;

    (void)state;
    bstr = SysAllocString(W("Test"));
    assert_bstr_equal(bstr, W("Test"), 4);
    SysFreeString(bstr);

    bstr = SysAllocString(W(""));
    assert_bstr_equal(bstr, W(""), 0);
    SysFreeString(bstr);

    /* The length stops at the first NUL. */
    bstr = SysAllocString(W("ab\0cd"));
    assert_bstr_equal(bstr, W("ab"), 2);
    SysFreeString(bstr);
}

static void test_alloc_string_null(void **state)
{
    (void)state;
    assert_null(SysAllocString(NULL));
}

static void test_alloc_string_len(void **state)
{
    BSTR bstr;

    (void)state;
    bstr = SysAllocStringLen(W("Testing"), 4);
    assert_bstr_equal(bstr, W("Test"), 4);
    SysFreeString(bstr);

    /* Embedded NULs are data. */
    bstr = SysAllocStringLen(W("a\0b\0"), 4);
    assert_bstr_equal(bstr, W("a\0b\0"), 4);
    SysFreeString(bstr);

    /* U+1F600 as a surrogate pair is two OLECHARs. */
    bstr = SysAllocStringLen(W("\U0001F600"), 2);
    assert_bstr_equal(bstr, W("\xD83D\xDE00"), 2);
    SysFreeString(bstr);
}

static void test_alloc_string_len_null_source(void **state)
{
    static const OLECHAR zeros[16];
    BSTR bstr;

    (void)state;
    bstr = SysAllocStringLen(NULL, 0);
    assert_bstr_equal(bstr, W(""), 0);
    SysFreeString(bstr);

    bstr = SysAllocStringLen(NULL, 16);
    assert_bstr_equal(bstr, zeros, 16);
    SysFreeString(bstr);
}

static void test_alloc_string_len_overflow(void **state)
{
    (void)state;
    assert_null(SysAllocStringLen(W("x"), 0xFFFFFFFFu));
    assert_null(SysAllocStringLen(W("x"), 0x80000000u));
    /* oleaut32's limit: the byte length, prefix and terminator fit in 32 bits. */
    assert_null(SysAllocStringLen(NULL, (0xFFFFFFFFu - 6) / 2));
}

static void test_alloc_string_byte_len(void **state)
{
    static const char narrow[] = "Test\0?";
    BSTR bstr;

    (void)state;
    bstr = SysAllocStringByteLen(narrow, 4);
    assert_non_null(bstr);
    assert_int_equal(SysStringByteLen(bstr), 4);
    assert_int_equal(SysStringLen(bstr), 2);
    assert_int_equal(prefix_of(bstr), 4);
    assert_memory_equal(bstr, "Test\0\0", 6);
    SysFreeString(bstr);

    bstr = SysAllocStringByteLen((const char *)W("Test"), 8);
    assert_bstr_equal(bstr, W("Test"), 4);
    SysFreeString(bstr);

    bstr = SysAllocStringByteLen(NULL, 0);
    assert_bstr_equal(bstr, W(""), 0);
    SysFreeString(bstr);
}

/* An odd length is kept in the prefix; a zero byte pads the data, then a whole OLECHAR NUL follows. */
static void test_alloc_string_byte_len_odd(void **state)
{
    BSTR bstr;

    (void)state;
    bstr = SysAllocStringByteLen("Test", 3);
    assert_non_null(bstr);
    assert_int_equal(SysStringByteLen(bstr), 3);
    assert_int_equal(SysStringLen(bstr), 1);
    assert_int_equal(prefix_of(bstr), 3);
    assert_memory_equal(bstr, "Tes\0\0\0", 6);
    SysFreeString(bstr);
}

static void test_alloc_string_byte_len_terminators(void **state)
{
    unsigned char source[1025];

    (void)state;
    memset(source, 0xAA, sizeof(source));
    for (unsigned int len = 0; len < 1024; len++) {
        BSTR from_null = SysAllocStringByteLen(NULL, len);
        BSTR copied = SysAllocStringByteLen((const char *)source, len);
        const unsigned char *bytes;

        assert_non_null(from_null);
        assert_non_null(copied);
        assert_int_equal(prefix_of(from_null), len);
        assert_int_equal(prefix_of(copied), len);
        bytes = (const unsigned char *)from_null;
        for (unsigned int i = 0; i < len; i++)
            assert_int_equal(bytes[i], 0);
        assert_memory_equal(copied, source, len);
        assert_int_equal(((const unsigned char *)copied)[len], 0);
        assert_int_equal(from_null[(len + 1) / 2], 0);
        assert_int_equal(copied[(len + 1) / 2], 0);
        SysFreeString(from_null);
        SysFreeString(copied);
    }
}

static void test_alloc_string_byte_len_overflow(void **state)
{
    (void)state;
    assert_null(SysAllocStringByteLen("x", 0xFFFFFFFFu));
    assert_null(SysAllocStringByteLen(NULL, 0xFFFFFFFFu - 6));
}

static void test_string_len_null(void **state)
{
    (void)state;
    assert_int_equal(SysStringLen(NULL), 0);
    assert_int_equal(SysStringByteLen(NULL), 0);
}

static void test_free_string_null(void **state)
{
    BSTR bstr = SysAllocString(W("still fine"));

    (void)state;
    SysFreeString(NULL);
    assert_bstr_equal(bstr, W("still fine"), 10);
    SysFreeString(bstr);
}

#ifndef _WIN32
/*
 * Mono frees a BSTR with free(p - 4): the block must start at the prefix and
 * come from malloc. ASan and valgrind report it if it does not.
 */
static void test_free_block_with_free(void **state)
{
    BSTR by_chars = SysAllocString(W("Mono"));
    BSTR by_bytes = SysAllocStringByteLen("odd", 3);
    BSTR resized = SysAllocString(W("grow"));

    (void)state;
    assert_non_null(by_chars);
    assert_non_null(by_bytes);
    assert_non_null(resized);
    assert_true(SysReAllocStringLen(&resized, NULL, 100));
    free((unsigned char *)by_chars - 4);
    free((unsigned char *)by_bytes - 4);
    free((unsigned char *)resized - 4);
}
#endif

static void test_realloc_string(void **state)
{
    BSTR bstr = SysAllocStringLen(W("Test"), 4);

    (void)state;
    assert_true(SysReAllocString(&bstr, W("x")));
    assert_bstr_equal(bstr, W("x"), 1);
    assert_true(SysReAllocString(&bstr, W("Larger")));
    assert_bstr_equal(bstr, W("Larger"), 6);
    SysFreeString(bstr);

    bstr = NULL;
    assert_true(SysReAllocString(&bstr, W("from NULL")));
    assert_bstr_equal(bstr, W("from NULL"), 9);
    SysFreeString(bstr);
}

/* As oleaut32: a NULL source frees the string and leaves the NULL (empty) BSTR. */
static void test_realloc_string_null_source(void **state)
{
    BSTR bstr = SysAllocString(W("Test"));

    (void)state;
    assert_true(SysReAllocString(&bstr, NULL));
    assert_null(bstr);
}

static void test_realloc_string_null_target(void **state)
{
    (void)state;
    assert_false(SysReAllocString(NULL, W("x")));
}

static void test_realloc_string_aliased(void **state)
{
    BSTR bstr = SysAllocString(W("abcdef"));

    (void)state;
    assert_true(SysReAllocString(&bstr, bstr));
    assert_bstr_equal(bstr, W("abcdef"), 6);
    assert_true(SysReAllocString(&bstr, bstr + 2));
    assert_bstr_equal(bstr, W("cdef"), 4);
    SysFreeString(bstr);
}

static void test_realloc_string_len(void **state)
{
    BSTR bstr = SysAllocStringLen(W("Test"), 4);

    (void)state;
    assert_true(SysReAllocStringLen(&bstr, W("xyz"), 1));
    assert_bstr_equal(bstr, W("x"), 1);
    assert_true(SysReAllocStringLen(&bstr, W("Larger"), 6));
    assert_bstr_equal(bstr, W("Larger"), 6);
    assert_true(SysReAllocStringLen(&bstr, W("a\0b"), 3));
    assert_bstr_equal(bstr, W("a\0b"), 3);
    SysFreeString(bstr);

    bstr = NULL;
    assert_true(SysReAllocStringLen(&bstr, W("new"), 3));
    assert_bstr_equal(bstr, W("new"), 3);
    SysFreeString(bstr);
}

/* A NULL source resizes in place: the old characters stay, new ones are zero, a NUL ends it. */
static void test_realloc_string_len_null_source(void **state)
{
    static const OLECHAR grown[8] = { 'T', 'e', 's', 't' };
    BSTR bstr = SysAllocString(W("Test"));

    (void)state;
    assert_true(SysReAllocStringLen(&bstr, NULL, 8));
    assert_bstr_equal(bstr, grown, 8);

    for (unsigned int i = 0; i < 8; i++)
        bstr[i] = 0xABAB;
    assert_true(SysReAllocStringLen(&bstr, NULL, 3));
    assert_int_equal(SysStringLen(bstr), 3);
    assert_int_equal(bstr[0], 0xABAB);
    assert_int_equal(bstr[2], 0xABAB);
    assert_int_equal(bstr[3], 0);
    SysFreeString(bstr);

    bstr = NULL;
    assert_true(SysReAllocStringLen(&bstr, NULL, 2));
    assert_bstr_equal(bstr, W("\0\0"), 2);
    SysFreeString(bstr);
}

/* Growing an odd-length string keeps its bytes and zeroes the rest, padding included. */
static void test_realloc_string_len_odd(void **state)
{
    BSTR bstr = SysAllocStringByteLen("abc", 3);

    (void)state;
    assert_true(SysReAllocStringLen(&bstr, NULL, 3));
    assert_int_equal(prefix_of(bstr), 6);
    assert_memory_equal(bstr, "abc\0\0\0\0\0", 8);
    SysFreeString(bstr);
}

/* Callers pass a string's own data back, even with a longer length than it has. */
static void test_realloc_string_len_aliased(void **state)
{
    static const OLECHAR tail_then_zeros[10] = { 's', 't' };
    BSTR bstr = SysAllocString(W("Test"));

    (void)state;
    assert_true(SysReAllocStringLen(&bstr, bstr, 1000000));
    assert_int_equal(SysStringLen(bstr), 1000000);
    assert_memory_equal(bstr, W("Test"), 4 * sizeof(OLECHAR));
    for (unsigned int i = 4; i <= 1000000; i++)
        assert_int_equal(bstr[i], 0);
    SysFreeString(bstr);

    bstr = SysAllocString(W("Test"));
    assert_true(SysReAllocStringLen(&bstr, bstr + 1, 2));
    assert_bstr_equal(bstr, W("es"), 2);
    assert_true(SysReAllocStringLen(&bstr, bstr, 2));
    assert_bstr_equal(bstr, W("es"), 2);
    SysFreeString(bstr);

    bstr = SysAllocString(W("Test"));
    assert_true(SysReAllocStringLen(&bstr, bstr + 2, 10));
    assert_bstr_equal(bstr, tail_then_zeros, 10);
    /* From its terminator: nothing left to copy. */
    assert_true(SysReAllocStringLen(&bstr, bstr + 10, 3));
    assert_bstr_equal(bstr, W("\0\0\0"), 3);
    SysFreeString(bstr);
}

static void test_realloc_string_len_errors(void **state)
{
    BSTR bstr = SysAllocString(W("keep"));

    (void)state;
    assert_false(SysReAllocStringLen(NULL, W("x"), 1));
    assert_false(SysReAllocStringLen(&bstr, W("x"), 0xFFFFFFFFu));
    assert_false(SysReAllocStringLen(&bstr, NULL, 0x80000000u));
    /* A failed call leaves the string as it was. */
    assert_bstr_equal(bstr, W("keep"), 4);
    SysFreeString(bstr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_string),
        cmocka_unit_test(test_alloc_string_null),
        cmocka_unit_test(test_alloc_string_len),
        cmocka_unit_test(test_alloc_string_len_null_source),
        cmocka_unit_test(test_alloc_string_len_overflow),
        cmocka_unit_test(test_alloc_string_byte_len),
        cmocka_unit_test(test_alloc_string_byte_len_odd),
        cmocka_unit_test(test_alloc_string_byte_len_terminators),
        cmocka_unit_test(test_alloc_string_byte_len_overflow),
        cmocka_unit_test(test_string_len_null),
        cmocka_unit_test(test_free_string_null),
#ifndef _WIN32
        cmocka_unit_test(test_free_block_with_free),
#endif
        cmocka_unit_test(test_realloc_string),
        cmocka_unit_test(test_realloc_string_null_source),
        cmocka_unit_test(test_realloc_string_null_target),
        cmocka_unit_test(test_realloc_string_aliased),
        cmocka_unit_test(test_realloc_string_len),
        cmocka_unit_test(test_realloc_string_len_null_source),
        cmocka_unit_test(test_realloc_string_len_odd),
        cmocka_unit_test(test_realloc_string_len_aliased),
        cmocka_unit_test(test_realloc_string_len_errors),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
