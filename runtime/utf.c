/*
 * utf.c - UTF-8 <-> UTF-16 and BSTR conversion for generated thunks.
 *
 * Generated code converts every string argument, so each conversion is two
 * quick passes: one that validates the input and measures the output exactly,
 * then one that converts input it knows to be valid. The output is allocated
 * once at its final size, and nothing is written or allocated when the input
 * is rejected. Both passes skip through ASCII a run at a time.
 *
 * Only the standard BSTR API is used, so this file builds on Windows too.
 */
#include <ccw/runtime.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * ASCII is checked and copied sixteen bytes, or eight OLECHARs, at a time.
 * Where a run is not all ASCII, the loops go character by character to the
 * end of that window before trying again, so mixed text pays for one failed
 * check per window rather than one per character.
 */
#define ASCII_RUN_BYTES 16
#define ASCII_RUN_UNITS 8

static int is_ascii_run_utf8(const unsigned char *src)
{
    uint64_t words[2];

    memcpy(words, src, sizeof(words));
    return ((words[0] | words[1]) & UINT64_C(0x8080808080808080)) == 0;
}

/* Every 16-bit lane below 0x80, whatever the byte order. */
static int is_ascii_run_utf16(const OLECHAR *src)
{
    uint64_t words[2];

    memcpy(words, src, sizeof(words));
    return ((words[0] | words[1]) & UINT64_C(0xFF80FF80FF80FF80)) == 0;
}

static size_t window_end(size_t pos, size_t len, size_t window)
{
    return len - pos < window ? len : pos + window;
}

static int is_continuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/*
 * Validates the UTF-8 sequence at src (avail bytes left) and adds the
 * OLECHARs it becomes to *units. Returns its length, or 0 if it is
 * ill-formed. The bounds on the second byte are what exclude overlong forms
 * (E0, F0), surrogates (ED) and code points above U+10FFFF (F4); C0, C1 and
 * F5-FF never start a sequence.
 */
static size_t utf8_sequence_measure(const unsigned char *src, size_t avail, size_t *units)
{
    unsigned char lead = src[0];
    unsigned char second_min = 0x80, second_max = 0xBF;
    size_t trail;

    if (lead < 0x80) {
        *units += 1;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        trail = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        trail = 2;
        if (lead == 0xE0)
            second_min = 0xA0;
        else if (lead == 0xED)
            second_max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        trail = 3;
        if (lead == 0xF0)
            second_min = 0x90;
        else if (lead == 0xF4)
            second_max = 0x8F;
    } else {
        return 0;
    }
    if (avail <= trail || src[1] < second_min || src[1] > second_max)
        return 0;
    for (size_t k = 2; k <= trail; k++) {
        if (!is_continuation(src[k]))
            return 0;
    }
    *units += trail == 3 ? 2 : 1;
    return trail + 1;
}

/* Validates UTF-8 and counts the OLECHARs it becomes. */
static HRESULT utf8_measure(const unsigned char *src, size_t len, size_t *out_units)
{
    size_t i = 0, units = 0;

    while (i < len) {
        size_t end;

        if (len - i >= ASCII_RUN_BYTES && is_ascii_run_utf8(src + i)) {
            i += ASCII_RUN_BYTES;
            units += ASCII_RUN_BYTES;
            continue;
        }
        for (end = window_end(i, len, ASCII_RUN_BYTES); i < end;) {
            size_t used = utf8_sequence_measure(src + i, len - i, &units);

            if (!used)
                return E_INVALIDARG;
            i += used;
        }
    }
    *out_units = units;
    return S_OK;
}

/* Decodes one sequence that utf8_sequence_measure accepted; returns the OLECHARs written. */
static size_t utf8_sequence_decode(OLECHAR *restrict dst, const unsigned char *restrict src)
{
    unsigned char lead = src[0];
    uint32_t cp;

    if (lead < 0x80) {
        dst[0] = lead;
        return 1;
    }
    if (lead < 0xE0) {
        dst[0] = (OLECHAR)((lead & 0x1Fu) << 6 | (src[1] & 0x3Fu));
        return 1;
    }
    if (lead < 0xF0) {
        dst[0] = (OLECHAR)((lead & 0x0Fu) << 12 | (src[1] & 0x3Fu) << 6 | (src[2] & 0x3Fu));
        return 1;
    }
    cp = ((lead & 0x07u) << 18 | (src[1] & 0x3Fu) << 12 | (src[2] & 0x3Fu) << 6 | (src[3] & 0x3Fu)) -
         0x10000;
    dst[0] = (OLECHAR)(0xD800 | cp >> 10);
    dst[1] = (OLECHAR)(0xDC00 | (cp & 0x3FF));
    return 2;
}

/* The length of the sequence a valid lead byte starts. */
static size_t utf8_sequence_length(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/* Converts UTF-8 that utf8_measure accepted. */
static void utf8_decode(OLECHAR *restrict dst, const unsigned char *restrict src, size_t len)
{
    size_t i = 0;

    while (i < len) {
        size_t end;

        if (len - i >= ASCII_RUN_BYTES && is_ascii_run_utf8(src + i)) {
            for (size_t k = 0; k < ASCII_RUN_BYTES; k++)
                dst[k] = src[i + k];
            dst += ASCII_RUN_BYTES;
            i += ASCII_RUN_BYTES;
            continue;
        }
        for (end = window_end(i, len, ASCII_RUN_BYTES); i < end;) {
            dst += utf8_sequence_decode(dst, src + i);
            i += utf8_sequence_length(src[i]);
        }
    }
}

static int is_high_surrogate(uint32_t unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}

static int is_low_surrogate(uint32_t unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

/*
 * Validates the character at src (avail OLECHARs left) and adds the UTF-8
 * bytes it becomes to *bytes. Returns the OLECHARs it takes, or 0 for an
 * unpaired surrogate.
 */
static size_t utf16_char_measure(const OLECHAR *src, size_t avail, size_t *bytes)
{
    uint32_t unit = src[0];

    if (unit < 0x80) {
        *bytes += 1;
    } else if (unit < 0x800) {
        *bytes += 2;
    } else if (is_high_surrogate(unit)) {
        if (avail < 2 || !is_low_surrogate(src[1]))
            return 0;
        *bytes += 4;
        return 2;
    } else if (is_low_surrogate(unit)) {
        return 0;
    } else {
        *bytes += 3;
    }
    return 1;
}

/* Validates UTF-16 (surrogates only in high-low pairs) and counts the UTF-8 bytes it becomes. */
static HRESULT utf16_measure(const OLECHAR *src, size_t len, size_t *out_bytes)
{
    size_t i = 0, bytes = 0;

    /* At most 3 bytes per OLECHAR, plus a terminator for the allocating callers. */
    if (len > (SIZE_MAX - 1) / 3)
        return E_OUTOFMEMORY;
    while (i < len) {
        size_t end;

        if (len - i >= ASCII_RUN_UNITS && is_ascii_run_utf16(src + i)) {
            i += ASCII_RUN_UNITS;
            bytes += ASCII_RUN_UNITS;
            continue;
        }
        for (end = window_end(i, len, ASCII_RUN_UNITS); i < end;) {
            size_t used = utf16_char_measure(src + i, len - i, &bytes);

            if (!used)
                return E_INVALIDARG;
            i += used;
        }
    }
    *out_bytes = bytes;
    return S_OK;
}

/* Encodes one character that utf16_char_measure accepted; returns the bytes written. */
static size_t utf16_char_encode(unsigned char *restrict dst, const OLECHAR *restrict src)
{
    uint32_t unit = src[0];
    uint32_t cp;

    if (unit < 0x80) {
        dst[0] = (unsigned char)unit;
        return 1;
    }
    if (unit < 0x800) {
        dst[0] = (unsigned char)(0xC0 | unit >> 6);
        dst[1] = (unsigned char)(0x80 | (unit & 0x3F));
        return 2;
    }
    if (!is_high_surrogate(unit)) {
        dst[0] = (unsigned char)(0xE0 | unit >> 12);
        dst[1] = (unsigned char)(0x80 | (unit >> 6 & 0x3F));
        dst[2] = (unsigned char)(0x80 | (unit & 0x3F));
        return 3;
    }
    cp = 0x10000 + ((unit - 0xD800) << 10) + ((uint32_t)src[1] - 0xDC00);
    dst[0] = (unsigned char)(0xF0 | cp >> 18);
    dst[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    dst[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    dst[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Converts UTF-16 that utf16_measure accepted. */
static void utf16_encode(unsigned char *restrict dst, const OLECHAR *restrict src, size_t len)
{
    size_t i = 0;

    while (i < len) {
        size_t end;

        if (len - i >= ASCII_RUN_UNITS && is_ascii_run_utf16(src + i)) {
            for (size_t k = 0; k < ASCII_RUN_UNITS; k++)
                dst[k] = (unsigned char)src[i + k];
            dst += ASCII_RUN_UNITS;
            i += ASCII_RUN_UNITS;
            continue;
        }
        for (end = window_end(i, len, ASCII_RUN_UNITS); i < end;) {
            dst += utf16_char_encode(dst, src + i);
            i += is_high_surrogate(src[i]) ? 2 : 1;
        }
    }
}

/*
 * The thunks' fast path: most strings crossing an interface are ASCII, which
 * needs no measuring beyond finding where it ends, and converts by widening
 * or narrowing each unit. Only what follows the first non-ASCII character
 * goes through the measuring passes above. The loops take two runs at a
 * time, and a string's last partial run is done as one run that overlaps
 * the previous one (rewriting some output with the same values), because on
 * short strings a per-character tail costs more than the runs.
 */

static int is_ascii_double_run_utf8(const unsigned char *src)
{
    return is_ascii_run_utf8(src) && is_ascii_run_utf8(src + ASCII_RUN_BYTES);
}

static int is_ascii_double_run_utf16(const OLECHAR *src)
{
    uint64_t words[4];

    memcpy(words, src, sizeof(words));
    return ((words[0] | words[1] | words[2] | words[3]) & UINT64_C(0xFF80FF80FF80FF80)) == 0;
}

/* Each a fixed-size loop, which the compiler turns into a few vector
 * instructions. */
static void widen_run(OLECHAR *restrict dst, const unsigned char *restrict src)
{
    for (size_t k = 0; k < ASCII_RUN_BYTES; k++)
        dst[k] = src[k];
}

static void narrow_run(unsigned char *restrict dst, const OLECHAR *restrict src)
{
    for (size_t k = 0; k < ASCII_RUN_UNITS; k++)
        dst[k] = (unsigned char)src[k];
}

/* The number of leading ASCII bytes. */
static size_t utf8_ascii_prefix(const unsigned char *src, size_t len)
{
    size_t i = 0;

    while (len - i >= 2 * ASCII_RUN_BYTES && is_ascii_double_run_utf8(src + i))
        i += 2 * ASCII_RUN_BYTES;
    while (len - i >= ASCII_RUN_BYTES && is_ascii_run_utf8(src + i))
        i += ASCII_RUN_BYTES;
    if (i < len && len >= ASCII_RUN_BYTES && len - i < ASCII_RUN_BYTES &&
        is_ascii_run_utf8(src + len - ASCII_RUN_BYTES))
        return len;
    while (i < len && src[i] < 0x80)
        i++;
    return i;
}

/* The number of leading ASCII OLECHARs. */
static size_t utf16_ascii_prefix(const OLECHAR *src, size_t len)
{
    size_t i = 0;

    while (len - i >= 2 * ASCII_RUN_UNITS && is_ascii_double_run_utf16(src + i))
        i += 2 * ASCII_RUN_UNITS;
    while (len - i >= ASCII_RUN_UNITS && is_ascii_run_utf16(src + i))
        i += ASCII_RUN_UNITS;
    if (i < len && len >= ASCII_RUN_UNITS && len - i < ASCII_RUN_UNITS &&
        is_ascii_run_utf16(src + len - ASCII_RUN_UNITS))
        return len;
    while (i < len && src[i] < 0x80)
        i++;
    return i;
}

/* Widens len ASCII bytes to OLECHARs. */
static void ascii_widen(OLECHAR *restrict dst, const unsigned char *restrict src, size_t len)
{
    size_t i = 0;

    for (; len - i >= ASCII_RUN_BYTES; i += ASCII_RUN_BYTES)
        widen_run(dst + i, src + i);
    if (i < len && len >= ASCII_RUN_BYTES) {
        widen_run(dst + len - ASCII_RUN_BYTES, src + len - ASCII_RUN_BYTES);
        return;
    }
    for (; i < len; i++)
        dst[i] = src[i];
}

/* Narrows len ASCII OLECHARs to bytes. */
static void ascii_narrow(unsigned char *restrict dst, const OLECHAR *restrict src, size_t len)
{
    size_t i = 0;

    for (; len - i >= ASCII_RUN_UNITS; i += ASCII_RUN_UNITS)
        narrow_run(dst + i, src + i);
    if (i < len && len >= ASCII_RUN_UNITS) {
        narrow_run(dst + len - ASCII_RUN_UNITS, src + len - ASCII_RUN_UNITS);
        return;
    }
    for (; i < len; i++)
        dst[i] = (unsigned char)src[i];
}

/* Narrows the leading ASCII OLECHARs into dst (room for len bytes) in the
 * same pass that finds them; returns how many there were. */
static size_t ascii_narrow_prefix(unsigned char *restrict dst, const OLECHAR *restrict src,
                                  size_t len)
{
    size_t i = 0;

    while (len - i >= 2 * ASCII_RUN_UNITS && is_ascii_double_run_utf16(src + i)) {
        narrow_run(dst + i, src + i);
        narrow_run(dst + i + ASCII_RUN_UNITS, src + i + ASCII_RUN_UNITS);
        i += 2 * ASCII_RUN_UNITS;
    }
    while (len - i >= ASCII_RUN_UNITS && is_ascii_run_utf16(src + i)) {
        narrow_run(dst + i, src + i);
        i += ASCII_RUN_UNITS;
    }
    if (i < len && len >= ASCII_RUN_UNITS && len - i < ASCII_RUN_UNITS &&
        is_ascii_run_utf16(src + len - ASCII_RUN_UNITS)) {
        narrow_run(dst + len - ASCII_RUN_UNITS, src + len - ASCII_RUN_UNITS);
        return len;
    }
    while (i < len && src[i] < 0x80) {
        dst[i] = (unsigned char)src[i];
        i++;
    }
    return i;
}

static size_t olestr_length(const OLECHAR *str)
{
    size_t len = 0;

    while (str[len])
        len++;
    return len;
}

HRESULT ccw_utf8_to_utf16(const char *utf8, size_t len, OLECHAR *out, size_t out_cap, size_t *out_len)
{
    size_t units;
    HRESULT hr;

    if ((!utf8 && len != 0) || (!out && !out_len))
        return E_POINTER;
    if (len == CCW_NUL_TERMINATED)
        len = strlen(utf8);
    hr = utf8_measure((const unsigned char *)utf8, len, &units);
    if (FAILED(hr))
        return hr;
    if (out) {
        if (units > out_cap)
            return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
        utf8_decode(out, (const unsigned char *)utf8, len);
    }
    if (out_len)
        *out_len = units;
    return S_OK;
}

HRESULT ccw_utf16_to_utf8(const OLECHAR *utf16, size_t len, char *out, size_t out_cap, size_t *out_len)
{
    size_t bytes;
    HRESULT hr;

    if ((!utf16 && len != 0) || (!out && !out_len))
        return E_POINTER;
    if (len == CCW_NUL_TERMINATED)
        len = olestr_length(utf16);
    hr = utf16_measure(utf16, len, &bytes);
    if (FAILED(hr))
        return hr;
    if (out) {
        if (bytes > out_cap)
            return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
        utf16_encode((unsigned char *)out, utf16, len);
    }
    if (out_len)
        *out_len = bytes;
    return S_OK;
}

HRESULT ccw_bstr_from_utf8(const char *utf8, size_t len, BSTR *out)
{
    const unsigned char *src = (const unsigned char *)utf8;
    size_t ascii, units;
    BSTR bstr;
    HRESULT hr;

    if (!out)
        return E_POINTER;
    if (!utf8) {
        *out = NULL;
        return S_OK;
    }
    if (len == CCW_NUL_TERMINATED)
        len = strlen(utf8);
    ascii = utf8_ascii_prefix(src, len);
    units = ascii;
    if (ascii < len) {
        size_t rest;

        hr = utf8_measure(src + ascii, len - ascii, &rest);
        if (FAILED(hr))
            return hr;
        units += rest;
    }
    /* A BSTR's length is a UINT; SysAllocStringLen refuses what it cannot hold. */
    if (units != (UINT)units)
        return E_OUTOFMEMORY;
    bstr = SysAllocStringLen(NULL, (UINT)units);
    if (!bstr)
        return E_OUTOFMEMORY;
    ascii_widen(bstr, src, ascii);
    utf8_decode(bstr + ascii, src + ascii, len - ascii);
    *out = bstr;
    return S_OK;
}

HRESULT ccw_bstr_to_utf8_buf(BSTR bstr, char *buf, size_t cap, char **out, size_t *out_len)
{
    static const OLECHAR empty[1];
    const OLECHAR *src = bstr ? bstr : empty; /* a NULL BSTR is ""; no arithmetic on NULL */
    size_t units = SysStringLen(bstr);
    size_t ascii, rest, bytes;
    unsigned char *utf8;
    bool prefix_written = false; /* utf8 already holds the ASCII prefix */
    HRESULT hr;

    if (!out || (!buf && cap != 0))
        return E_POINTER;
    /* Room for the string even if it is all ASCII: convert while looking. */
    if (units < cap) {
        ascii = ascii_narrow_prefix((unsigned char *)buf, src, units);
        prefix_written = true;
        if (ascii == units) {
            buf[units] = '\0';
            *out = buf;
            if (out_len)
                *out_len = units;
            return S_OK;
        }
    } else {
        ascii = utf16_ascii_prefix(src, units);
    }
    hr = utf16_measure(src + ascii, units - ascii, &rest);
    if (FAILED(hr))
        return hr;
    bytes = ascii + rest;
    if (bytes < cap) {
        utf8 = (unsigned char *)buf;
    } else {
        utf8 = malloc(bytes + 1);
        if (!utf8)
            return E_OUTOFMEMORY;
        prefix_written = false;
    }
    if (!prefix_written)
        ascii_narrow(utf8, src, ascii);
    utf16_encode(utf8 + ascii, src + ascii, units - ascii);
    utf8[bytes] = '\0';
    *out = (char *)utf8;
    if (out_len)
        *out_len = bytes;
    return S_OK;
}

HRESULT ccw_bstr_to_utf8(BSTR bstr, char **out, size_t *out_len)
{
    return ccw_bstr_to_utf8_buf(bstr, NULL, 0, out, out_len);
}

void ccw_string_free(char *str)
{
    free(str);
}

void ccw_string_free_buf(char *str, const char *buf)
{
    if (str != buf)
        free(str);
}
