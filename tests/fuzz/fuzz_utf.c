/*
 * fuzz_utf.c - UTF-8 <-> UTF-16 conversion (runtime/utf.c) and the BSTR
 * functions (runtime/compat/bstr.c) on arbitrary bytes.
 *
 * The input is read both as UTF-8 and as UTF-16 code units. Properties:
 * measuring and converting agree; whatever converts one way converts back to
 * the very same units; a too-small buffer is refused without a write past it;
 * a BSTR keeps its length, bytes and terminator through every Sys* function.
 */
#include "fuzz.h"

#include <string.h>

#include <ccw/runtime.h>

/* Bytes after the output that a conversion must leave alone. */
#define GUARD 4

static void check_utf8_round_trip(const char *utf8, size_t len)
{
    size_t units = 0, bytes = 0, small = 0;
    OLECHAR *utf16;
    char *back;
    HRESULT hr = ccw_utf8_to_utf16(utf8, len, NULL, 0, &units);

    if (FAILED(hr)) {
        FUZZ_CHECK(hr == E_INVALIDARG);
        return;
    }
    FUZZ_CHECK(units <= len);
    utf16 = malloc((units + GUARD) * sizeof(OLECHAR));
    back = malloc(len + GUARD);
    if (!utf16 || !back)
        goto cleanup;
    memset(utf16, 0xAB, (units + GUARD) * sizeof(OLECHAR));
    FUZZ_CHECK(ccw_utf8_to_utf16(utf8, len, utf16, units, &units) == S_OK);
    FUZZ_CHECK(utf16[units] == 0xABAB);
    if (units > 0) {
        FUZZ_CHECK(ccw_utf8_to_utf16(utf8, len, utf16, units - 1, &small) ==
                   HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
        FUZZ_CHECK(small == 0);
    }
    FUZZ_CHECK(ccw_utf16_to_utf8(utf16, units, NULL, 0, &bytes) == S_OK);
    FUZZ_CHECK(bytes == len);
    memset(back, 0xAB, len + GUARD);
    FUZZ_CHECK(ccw_utf16_to_utf8(utf16, units, back, len, &bytes) == S_OK);
    FUZZ_CHECK(bytes == len && memcmp(back, utf8, len) == 0);
    FUZZ_CHECK((unsigned char)back[len] == 0xAB);

cleanup:
    free(utf16);
    free(back);
}

static void check_utf16_round_trip(const OLECHAR *utf16, size_t units)
{
    size_t bytes = 0, back_units = 0;
    char *utf8;
    OLECHAR *back;
    HRESULT hr = ccw_utf16_to_utf8(utf16, units, NULL, 0, &bytes);

    if (FAILED(hr)) {
        FUZZ_CHECK(hr == E_INVALIDARG);
        return;
    }
    FUZZ_CHECK(bytes <= units * 3);
    utf8 = malloc(bytes + GUARD);
    back = malloc((units + GUARD) * sizeof(OLECHAR));
    if (!utf8 || !back)
        goto cleanup;
    FUZZ_CHECK(ccw_utf16_to_utf8(utf16, units, utf8, bytes, &bytes) == S_OK);
    FUZZ_CHECK(ccw_utf8_to_utf16(utf8, bytes, back, units, &back_units) == S_OK);
    FUZZ_CHECK(back_units == units && memcmp(back, utf16, units * sizeof(OLECHAR)) == 0);

cleanup:
    free(utf8);
    free(back);
}

/* A C string: conversion stops at the first NUL. */
static void check_nul_terminated(const char *utf8, size_t len)
{
    char *copy = malloc(len + 1);
    size_t units = 0, expected = 0;
    HRESULT hr, expected_hr;

    if (!copy)
        return;
    memcpy(copy, utf8, len);
    copy[len] = '\0';
    hr = ccw_utf8_to_utf16(copy, CCW_NUL_TERMINATED, NULL, 0, &units);
    expected_hr = ccw_utf8_to_utf16(copy, strlen(copy), NULL, 0, &expected);
    FUZZ_CHECK(hr == expected_hr);
    if (SUCCEEDED(hr))
        FUZZ_CHECK(units == expected);
    free(copy);
}

static void check_bstr_utf8(const char *utf8, size_t len)
{
    BSTR bstr = NULL;
    char *back = NULL;
    size_t back_len = 0;
    HRESULT hr = ccw_bstr_from_utf8(utf8, len, &bstr);

    if (FAILED(hr)) {
        FUZZ_CHECK(hr == E_INVALIDARG || hr == E_OUTOFMEMORY);
        FUZZ_CHECK(bstr == NULL);
        return;
    }
    FUZZ_CHECK(bstr != NULL && bstr[SysStringLen(bstr)] == 0);
    hr = ccw_bstr_to_utf8(bstr, &back, &back_len);
    if (SUCCEEDED(hr)) {
        FUZZ_CHECK(back_len == len && memcmp(back, utf8, len) == 0 && back[len] == '\0');
        ccw_string_free(back);
    } else {
        FUZZ_CHECK(hr == E_OUTOFMEMORY);
    }
    SysFreeString(bstr);
}

static void check_bstr(const BSTR bstr, const void *bytes, size_t byte_len)
{
    FUZZ_CHECK(bstr != NULL);
    FUZZ_CHECK(SysStringByteLen(bstr) == byte_len);
    FUZZ_CHECK(SysStringLen(bstr) == byte_len / sizeof(OLECHAR));
    FUZZ_CHECK(memcmp(bstr, bytes, byte_len) == 0);
    /* A BSTR is terminated by a whole OLECHAR right after its bytes, even
     * after an odd number of them. */
    FUZZ_CHECK(((const unsigned char *)bstr)[byte_len] == 0);
    FUZZ_CHECK(((const unsigned char *)bstr)[byte_len + 1] == 0);
}

static size_t olechar_len(const OLECHAR *s, size_t cap)
{
    size_t n = 0;

    while (n < cap && s[n])
        n++;
    return n;
}

static void check_sys_strings(const uint8_t *data, size_t size, const OLECHAR *units,
                              size_t unit_count)
{
    size_t half = unit_count / 2;
    OLECHAR *terminated = malloc((unit_count + 1) * sizeof(OLECHAR));
    BSTR bstr;

    if (!terminated)
        return;
    memcpy(terminated, units, unit_count * sizeof(OLECHAR));
    terminated[unit_count] = 0;

    bstr = SysAllocStringByteLen((const char *)data, (UINT)size);
    if (bstr) {
        check_bstr(bstr, data, size);
        SysFreeString(bstr);
    }

    bstr = SysAllocStringLen(units, (UINT)unit_count);
    if (bstr) {
        check_bstr(bstr, units, unit_count * sizeof(OLECHAR));
        /* Reallocation from another part of the input, and from the BSTR itself. */
        if (SysReAllocStringLen(&bstr, units + half, (UINT)(unit_count - half)))
            check_bstr(bstr, units + half, (unit_count - half) * sizeof(OLECHAR));
        if (SysReAllocStringLen(&bstr, bstr, SysStringLen(bstr) / 2))
            check_bstr(bstr, units + half, ((unit_count - half) / 2) * sizeof(OLECHAR));
        if (SysReAllocString(&bstr, terminated)) {
            size_t n = olechar_len(terminated, unit_count);

            check_bstr(bstr, terminated, n * sizeof(OLECHAR));
        }
        SysFreeString(bstr);
    }

    bstr = SysAllocString(terminated);
    if (bstr) {
        check_bstr(bstr, terminated, olechar_len(terminated, unit_count) * sizeof(OLECHAR));
        SysFreeString(bstr);
    }

    /* A NULL source makes an uninitialized string of that length. */
    bstr = SysAllocStringLen(NULL, (UINT)unit_count);
    if (bstr) {
        FUZZ_CHECK(SysStringLen(bstr) == unit_count && bstr[unit_count] == 0);
        SysFreeString(bstr);
    }
    free(terminated);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t unit_count = size / sizeof(OLECHAR);
    /* An exact-size copy, so that ASan sees any read past the input. */
    char *utf8 = malloc(size ? size : 1);
    OLECHAR *units = malloc(unit_count ? unit_count * sizeof(OLECHAR) : 1);

    if (!utf8 || !units)
        goto cleanup;
    memcpy(utf8, data, size);
    memcpy(units, data, unit_count * sizeof(OLECHAR));

    check_utf8_round_trip(utf8, size);
    check_nul_terminated(utf8, size);
    check_bstr_utf8(utf8, size);
    check_utf16_round_trip(units, unit_count);
    check_sys_strings(data, size, units, unit_count);

cleanup:
    free(utf8);
    free(units);
    return 0;
}
