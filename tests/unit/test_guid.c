/*
 * test_guid.c - GUID <-> string conversion and CoCreateGuid.
 */
#ifdef __linux__
#define _DEFAULT_SOURCE /* syscall(), for the getrandom() stand-in */
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/com.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <sys/random.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#define W(literal) ((const OLECHAR *)u"" literal)

#define GUID_STRING_LEN 38

static const GUID stdfont = { 0x0BE35203, 0x8F91, 0x11CE, { 0x9D, 0xE3, 0x00, 0xAA, 0x00, 0x4B, 0xB8, 0x51 } };
static const GUID ordered = { 0x01234567, 0x89AB, 0xCDEF, { 0xFE, 0xDC, 0xBA, 0x98, 0x76, 0x54, 0x32, 0x10 } };
static const GUID class_factory = { 0x00000001, 0x0000, 0x0000, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } };
static const GUID guid_zero;

#define STDFONT_UPPER "{0BE35203-8F91-11CE-9DE3-00AA004BB851}"
#define STDFONT_LOWER "{0be35203-8f91-11ce-9de3-00aa004bb851}"

static void assert_guid_equal(const GUID *actual, const GUID *expected)
{
    assert_memory_equal(actual, expected, sizeof(GUID));
}

static void fill_guid(GUID *guid, unsigned char byte)
{
    memset(guid, byte, sizeof(*guid));
}

static void test_string_from_guid2(void **state)
{
    OLECHAR buffer[50];

    (void)state;
    assert_int_equal(StringFromGUID2(&stdfont, buffer, 50), 39);
    assert_memory_equal(buffer, W(STDFONT_UPPER), 39 * sizeof(OLECHAR));
    assert_int_equal(StringFromGUID2(&ordered, buffer, 50), 39);
    assert_memory_equal(buffer, W("{01234567-89AB-CDEF-FEDC-BA9876543210}"), 39 * sizeof(OLECHAR));
    assert_int_equal(StringFromGUID2(&guid_zero, buffer, 50), 39);
    assert_memory_equal(buffer, W("{00000000-0000-0000-0000-000000000000}"), 39 * sizeof(OLECHAR));
}

static void test_string_from_guid2_exact_buffer(void **state)
{
    OLECHAR buffer[39];

    (void)state;
    assert_int_equal(StringFromGUID2(&stdfont, buffer, 39), 39);
    assert_memory_equal(buffer, W(STDFONT_UPPER), sizeof(buffer));
}

/* Too small a buffer gives 0 and is left alone. */
static void test_string_from_guid2_small_buffer(void **state)
{
    OLECHAR buffer[50];
    OLECHAR untouched[50];

    (void)state;
    memset(buffer, 0x77, sizeof(buffer));
    memcpy(untouched, buffer, sizeof(buffer));
    assert_int_equal(StringFromGUID2(&stdfont, buffer, 38), 0);
    assert_int_equal(StringFromGUID2(&stdfont, buffer, 30), 0);
    assert_int_equal(StringFromGUID2(&stdfont, buffer, 1), 0);
    assert_int_equal(StringFromGUID2(&stdfont, buffer, 0), 0);
    assert_int_equal(StringFromGUID2(&stdfont, buffer, -39), 0);
    assert_memory_equal(buffer, untouched, sizeof(buffer));
}

static void test_string_from_guid2_null(void **state)
{
    OLECHAR buffer[50];

    (void)state;
    assert_int_equal(StringFromGUID2(NULL, buffer, 50), 0);
    assert_int_equal(StringFromGUID2(&stdfont, NULL, 50), 0);
}

static void test_string_from_clsid_and_iid(void **state)
{
    LPOLESTR str = NULL;

    (void)state;
    assert_int_equal(StringFromCLSID(&stdfont, &str), S_OK);
    assert_non_null(str);
    assert_memory_equal(str, W(STDFONT_UPPER), 39 * sizeof(OLECHAR));
    CoTaskMemFree(str);

    str = NULL;
    assert_int_equal(StringFromIID(&class_factory, &str), S_OK);
    assert_non_null(str);
    assert_memory_equal(str, W("{00000001-0000-0000-C000-000000000046}"), 39 * sizeof(OLECHAR));
    CoTaskMemFree(str);
}

static void test_string_from_clsid_and_iid_null(void **state)
{
    LPOLESTR str = NULL;

    (void)state;
    assert_int_equal(StringFromCLSID(&stdfont, NULL), E_INVALIDARG);
    assert_int_equal(StringFromCLSID(NULL, &str), E_INVALIDARG);
    assert_int_equal(StringFromIID(&stdfont, NULL), E_INVALIDARG);
    assert_int_equal(StringFromIID(NULL, &str), E_INVALIDARG);
    assert_null(str);
}

static void test_clsid_from_string(void **state)
{
    CLSID clsid;

    (void)state;
    fill_guid(&clsid, 0xAB);
    assert_int_equal(CLSIDFromString(W(STDFONT_UPPER), &clsid), S_OK);
    assert_guid_equal(&clsid, &stdfont);
    fill_guid(&clsid, 0xAB);
    assert_int_equal(CLSIDFromString(W(STDFONT_LOWER), &clsid), S_OK);
    assert_guid_equal(&clsid, &stdfont);
    assert_int_equal(CLSIDFromString(W("{01234567-89ab-CDEF-fedc-BA9876543210}"), &clsid), S_OK);
    assert_guid_equal(&clsid, &ordered);
}

/* As Windows: a NULL string is GUID_NULL. */
static void test_clsid_from_string_null(void **state)
{
    CLSID clsid;

    (void)state;
    fill_guid(&clsid, 0xAB);
    assert_int_equal(CLSIDFromString(NULL, &clsid), S_OK);
    assert_guid_equal(&clsid, &guid_zero);
    assert_int_equal(CLSIDFromString(W(STDFONT_UPPER), NULL), E_INVALIDARG);
}

static void assert_bad_clsid_string(const OLECHAR *str)
{
    CLSID clsid;

    fill_guid(&clsid, 0xCC);
    assert_int_equal(CLSIDFromString(str, &clsid), CO_E_CLASSSTRING);
    assert_guid_equal(&clsid, &guid_zero);
}

static void test_clsid_from_string_malformed(void **state)
{
    (void)state;
    /* missing braces */
    assert_bad_clsid_string(W("0BE35203-8F91-11CE-9DE3-00AA004BB851}"));
    assert_bad_clsid_string(W("{0BE35203-8F91-11CE-9DE3-00AA004BB851"));
    assert_bad_clsid_string(W("0BE35203-8F91-11CE-9DE3-00AA004BB851"));
    assert_bad_clsid_string(W("{0BE35203-8F91-11CE-9DE3-00AA004BB851A"));
    /* bad hex */
    assert_bad_clsid_string(W("{0BE3520G-8F91-11CE-9DE3-00AA004BB851}"));
    assert_bad_clsid_string(W("{00000001-0000-0000-g000-000000000046}"));
    assert_bad_clsid_string(W("{0BE35203-8F91-11CE-9DE3-00AA004BB85*}"));
    assert_bad_clsid_string(W("{0BE35203-8F91-11CE-9DE3- 0AA004BB851}"));
    /* separators in the wrong place */
    assert_bad_clsid_string(W("{00000001=0000-0000-c000-000000000046}"));
    assert_bad_clsid_string(W("{0BE3520-38F91-11CE-9DE3-00AA004BB851}"));
    assert_bad_clsid_string(W("{0BE35203-8F91-11CE-9DE300AA-004BB851}"));
    /* wrong length */
    assert_bad_clsid_string(W(""));
    assert_bad_clsid_string(W("{}"));
    assert_bad_clsid_string(W("{0BE35203-8F91-11CE-9DE3-00AA004BB85}"));
    assert_bad_clsid_string(W("{0BE35203-8F91-11CE-9DE3-00AA004BB8510}"));
    /* trailing garbage after a valid GUID */
    assert_bad_clsid_string(W("{00000001-0000-0000-c000-000000000046}a"));
    assert_bad_clsid_string(W(STDFONT_UPPER "AAAAAAAAAAA"));
    assert_bad_clsid_string(W(STDFONT_UPPER " "));
    assert_bad_clsid_string(W(" " STDFONT_UPPER));
    /* a ProgID is not resolved */
    assert_bad_clsid_string(W("StdFont"));
}

/* Every truncation, and every single character replaced, is rejected. */
static void test_clsid_from_string_every_position(void **state)
{
    OLECHAR str[GUID_STRING_LEN + 1];

    (void)state;
    for (size_t len = 0; len < GUID_STRING_LEN; len++) {
        memcpy(str, W(STDFONT_UPPER), sizeof(str));
        str[len] = 0;
        assert_bad_clsid_string(str);
    }
    for (size_t pos = 0; pos < GUID_STRING_LEN; pos++) {
        memcpy(str, W(STDFONT_UPPER), sizeof(str));
        str[pos] = 'x';
        assert_bad_clsid_string(str);
    }
}

static void test_iid_from_string(void **state)
{
    IID iid;

    (void)state;
    fill_guid(&iid, 0xAB);
    assert_int_equal(IIDFromString(W(STDFONT_UPPER), &iid), S_OK);
    assert_guid_equal(&iid, &stdfont);
    assert_int_equal(IIDFromString(W("{00000001-0000-0000-c000-000000000046}"), &iid), S_OK);
    assert_guid_equal(&iid, &class_factory);
}

static void test_iid_from_string_null(void **state)
{
    IID iid;

    (void)state;
    fill_guid(&iid, 0xAB);
    assert_int_equal(IIDFromString(NULL, &iid), S_OK);
    assert_guid_equal(&iid, &guid_zero);
    assert_int_equal(IIDFromString(W(STDFONT_UPPER), NULL), E_INVALIDARG);
}

static void assert_bad_iid_string(const OLECHAR *str, HRESULT expected)
{
    IID iid;
    IID untouched;

    fill_guid(&iid, 0xAB);
    untouched = iid;
    assert_int_equal(IIDFromString(str, &iid), expected);
    assert_guid_equal(&iid, &untouched);
}

/* As Windows: the wrong length is E_INVALIDARG, the right length but no GUID CO_E_IIDSTRING. */
static void test_iid_from_string_malformed(void **state)
{
    (void)state;
    assert_bad_iid_string(W("{00000001-0000-0000-c000-000000000046}a"), E_INVALIDARG);
    assert_bad_iid_string(W("{0BE35203-8F91-11CE-9DE3-00AA004BB85}"), E_INVALIDARG);
    assert_bad_iid_string(W("NonExistent"), E_INVALIDARG);
    assert_bad_iid_string(W("StdFont"), E_INVALIDARG);
    assert_bad_iid_string(W(""), E_INVALIDARG);
    assert_bad_iid_string(W("{00000001-0000-0000-g000-000000000046}"), CO_E_IIDSTRING);
    assert_bad_iid_string(W("{00000001=0000-0000-g000-000000000046}"), CO_E_IIDSTRING);
    assert_bad_iid_string(W("broken001=0000-0000-g000-000000000046}"), CO_E_IIDSTRING);
    assert_bad_iid_string(W("{0BE35203-8F91-11CE-9DE3-00AA004BB851A"), CO_E_IIDSTRING);
}

static int is_version4(const GUID *guid)
{
    return (guid->Data3 & 0xF000) == 0x4000 && (guid->Data4[0] & 0xC0) == 0x80;
}

static int compare_guids(const void *a, const void *b)
{
    return memcmp(a, b, sizeof(GUID));
}

#define GUID_SAMPLES 1000

/* Random GUIDs: version 4, RFC 4122 variant, all distinct, every random bit seen both ways. */
static void test_create_guid(void **state)
{
    GUID *guids = calloc(GUID_SAMPLES, sizeof(GUID));
    unsigned char ones[sizeof(GUID)] = { 0 }, zeros[sizeof(GUID)] = { 0 };
    GUID fixed_bits;

    (void)state;
    assert_non_null(guids);
    for (size_t i = 0; i < GUID_SAMPLES; i++) {
        const unsigned char *bytes = (const unsigned char *)&guids[i];

        assert_int_equal(CoCreateGuid(&guids[i]), S_OK);
        assert_true(is_version4(&guids[i]));
        for (size_t b = 0; b < sizeof(GUID); b++) {
            ones[b] |= bytes[b];
            zeros[b] |= (unsigned char)~bytes[b];
        }
    }
    /* All but the version and variant bits vary. */
    memset(&fixed_bits, 0, sizeof(fixed_bits));
    fixed_bits.Data3 = 0xF000;
    fixed_bits.Data4[0] = 0xC0;
    for (size_t b = 0; b < sizeof(GUID); b++) {
        unsigned char fixed = ((const unsigned char *)&fixed_bits)[b];

        assert_int_equal(ones[b] & zeros[b] & (unsigned char)~fixed, (unsigned char)~fixed);
    }
    qsort(guids, GUID_SAMPLES, sizeof(GUID), compare_guids);
    for (size_t i = 1; i < GUID_SAMPLES; i++)
        assert_int_not_equal(compare_guids(&guids[i - 1], &guids[i]), 0);
    free(guids);
}

static void test_create_guid_null(void **state)
{
    (void)state;
    assert_int_equal(CoCreateGuid(NULL), E_INVALIDARG);
}

static void test_guid_string_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < 100; i++) {
        OLECHAR str[39];
        GUID created, parsed_clsid, parsed_iid;

        assert_int_equal(CoCreateGuid(&created), S_OK);
        assert_int_equal(StringFromGUID2(&created, str, 39), 39);
        assert_int_equal(CLSIDFromString(str, &parsed_clsid), S_OK);
        assert_int_equal(IIDFromString(str, &parsed_iid), S_OK);
        assert_guid_equal(&parsed_clsid, &created);
        assert_guid_equal(&parsed_iid, &created);
    }
}

#ifdef __linux__
/*
 * Interposes getrandom() (libccw calls it through the dynamic linker) so that
 * a test can make it fail, as some container sandboxes do.
 */
static int getrandom_fails;
static int getrandom_calls;

ssize_t getrandom(void *buf, size_t buflen, unsigned int flags)
{
    getrandom_calls++;
    if (getrandom_fails) {
        errno = ENOSYS;
        return -1;
    }
    return (ssize_t)syscall(SYS_getrandom, buf, buflen, flags);
}

/* Without getrandom(), CoCreateGuid reads /dev/urandom. */
static void test_create_guid_without_getrandom(void **state)
{
    GUID first, second;

    (void)state;
    getrandom_fails = 1;
    getrandom_calls = 0;
    assert_int_equal(CoCreateGuid(&first), S_OK);
    assert_int_equal(CoCreateGuid(&second), S_OK);
    getrandom_fails = 0;
    assert_true(getrandom_calls >= 2);
    assert_true(is_version4(&first));
    assert_true(is_version4(&second));
    assert_int_not_equal(compare_guids(&first, &second), 0);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_string_from_guid2),
        cmocka_unit_test(test_string_from_guid2_exact_buffer),
        cmocka_unit_test(test_string_from_guid2_small_buffer),
        cmocka_unit_test(test_string_from_guid2_null),
        cmocka_unit_test(test_string_from_clsid_and_iid),
        cmocka_unit_test(test_string_from_clsid_and_iid_null),
        cmocka_unit_test(test_clsid_from_string),
        cmocka_unit_test(test_clsid_from_string_null),
        cmocka_unit_test(test_clsid_from_string_malformed),
        cmocka_unit_test(test_clsid_from_string_every_position),
        cmocka_unit_test(test_iid_from_string),
        cmocka_unit_test(test_iid_from_string_null),
        cmocka_unit_test(test_iid_from_string_malformed),
        cmocka_unit_test(test_create_guid),
        cmocka_unit_test(test_create_guid_null),
        cmocka_unit_test(test_guid_string_round_trip),
#ifdef __linux__
        cmocka_unit_test(test_create_guid_without_getrandom),
#endif
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
