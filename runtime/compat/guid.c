/*
 * compat/guid.c - GUIDs as strings, and new random GUIDs (ole32's subset).
 *
 * The string form is the registry's: "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}",
 * written in upper case and read in either case. ProgIDs are not resolved
 * here: a string that is not a braced GUID is an error.
 */
#include <ccw/com.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/random.h>
#endif

/* Characters of the braced form, without and with its terminating NUL. */
#define GUID_STRING_LEN 38
#define GUID_STRING_CHARS 39

/* The 16 bytes of a GUID in the order its string form prints them. */
typedef unsigned char guid_bytes[16];

static bool starts_group(size_t byte_index)
{
    return byte_index == 4 || byte_index == 6 || byte_index == 8 || byte_index == 10;
}

static void bytes_from_guid(guid_bytes bytes, const GUID *guid)
{
    bytes[0] = (unsigned char)(guid->Data1 >> 24);
    bytes[1] = (unsigned char)(guid->Data1 >> 16);
    bytes[2] = (unsigned char)(guid->Data1 >> 8);
    bytes[3] = (unsigned char)guid->Data1;
    bytes[4] = (unsigned char)(guid->Data2 >> 8);
    bytes[5] = (unsigned char)guid->Data2;
    bytes[6] = (unsigned char)(guid->Data3 >> 8);
    bytes[7] = (unsigned char)guid->Data3;
    memcpy(&bytes[8], guid->Data4, 8);
}

static void guid_from_bytes(GUID *guid, const guid_bytes bytes)
{
    guid->Data1 = (DWORD)bytes[0] << 24 | (DWORD)bytes[1] << 16 | (DWORD)bytes[2] << 8 | bytes[3];
    guid->Data2 = (WORD)(bytes[4] << 8 | bytes[5]);
    guid->Data3 = (WORD)(bytes[6] << 8 | bytes[7]);
    memcpy(guid->Data4, &bytes[8], 8);
}

/* Writes the braced form and its NUL: GUID_STRING_CHARS characters. */
static void format_guid(OLECHAR *out, const GUID *guid)
{
    static const char digits[] = "0123456789ABCDEF";
    guid_bytes bytes;
    size_t pos = 0;

    bytes_from_guid(bytes, guid);
    out[pos++] = '{';
    for (size_t i = 0; i < sizeof(bytes); i++) {
        if (starts_group(i))
            out[pos++] = '-';
        out[pos++] = (OLECHAR)digits[bytes[i] >> 4];
        out[pos++] = (OLECHAR)digits[bytes[i] & 0xF];
    }
    out[pos++] = '}';
    out[pos] = 0;
}

static int hex_digit_value(OLECHAR c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/*
 * Parses the braced form at the start of str. Stops at the first character
 * that does not fit, so it never reads past str's NUL; what follows the
 * closing brace is the caller's to check.
 */
static bool parse_guid(GUID *out, const OLECHAR *str)
{
    guid_bytes bytes;
    size_t pos = 0;

    if (str[pos++] != '{')
        return false;
    for (size_t i = 0; i < sizeof(bytes); i++) {
        int high, low;

        if (starts_group(i) && str[pos++] != '-')
            return false;
        high = hex_digit_value(str[pos++]);
        if (high < 0)
            return false;
        low = hex_digit_value(str[pos++]);
        if (low < 0)
            return false;
        bytes[i] = (unsigned char)(high << 4 | low);
    }
    if (str[pos] != '}')
        return false;
    guid_from_bytes(out, bytes);
    return true;
}

/* The length of str, counting no further than limit. */
static size_t bounded_length(const OLECHAR *str, size_t limit)
{
    size_t len = 0;

    while (len < limit && str[len])
        len++;
    return len;
}

int STDAPICALLTYPE StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax)
{
    if (!rguid || !lpsz || cchMax < GUID_STRING_CHARS)
        return 0;
    format_guid(lpsz, rguid);
    return GUID_STRING_CHARS;
}

static HRESULT string_from_guid(const GUID *guid, LPOLESTR *out)
{
    OLECHAR *str;

    if (!guid || !out)
        return E_INVALIDARG;
    str = CoTaskMemAlloc(GUID_STRING_CHARS * sizeof(OLECHAR));
    if (!str)
        return E_OUTOFMEMORY;
    format_guid(str, guid);
    *out = str;
    return S_OK;
}

HRESULT STDAPICALLTYPE StringFromCLSID(REFCLSID rclsid, LPOLESTR *lplpsz)
{
    return string_from_guid(rclsid, lplpsz);
}

HRESULT STDAPICALLTYPE StringFromIID(REFIID rclsid, LPOLESTR *lplpsz)
{
    return string_from_guid(rclsid, lplpsz);
}

/*
 * On failure Windows leaves whatever it had parsed so far, or zeros when the
 * string is no GUID at all; here the result is always zeros, which no caller
 * could mistake for a parsed value.
 */
HRESULT STDAPICALLTYPE CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid)
{
    GUID parsed;

    if (!pclsid)
        return E_INVALIDARG;
    if (!lpsz) {
        memset(pclsid, 0, sizeof(*pclsid));
        return S_OK;
    }
    if (!parse_guid(&parsed, lpsz) || lpsz[GUID_STRING_LEN] != 0) {
        memset(pclsid, 0, sizeof(*pclsid));
        return CO_E_CLASSSTRING;
    }
    *pclsid = parsed;
    return S_OK;
}

/*
 * Windows tells a string of the wrong length (E_INVALIDARG) from one of the
 * right length that is no GUID (CO_E_IIDSTRING). *lpiid is left untouched on
 * failure (Windows may leave part of a parse there).
 */
HRESULT STDAPICALLTYPE IIDFromString(LPCOLESTR lpsz, LPIID lpiid)
{
    GUID parsed;

    if (!lpiid)
        return E_INVALIDARG;
    if (!lpsz) {
        memset(lpiid, 0, sizeof(*lpiid));
        return S_OK;
    }
    if (bounded_length(lpsz, GUID_STRING_CHARS) != GUID_STRING_LEN)
        return E_INVALIDARG;
    if (!parse_guid(&parsed, lpsz))
        return CO_E_IIDSTRING;
    *lpiid = parsed;
    return S_OK;
}

static bool read_urandom(unsigned char *buf, size_t len)
{
    size_t done = 0;
    int fd;

    do {
        fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return false;
    while (done < len) {
        ssize_t n = read(fd, buf + done, len - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    close(fd);
    return done == len;
}

/*
 * getrandom() where the kernel has it; /dev/urandom where it does not or a
 * sandbox refuses the system call (older container seccomp profiles do).
 */
static bool fill_random(unsigned char *buf, size_t len)
{
#ifdef __linux__
    size_t done = 0;

    while (done < len) {
        ssize_t n = getrandom(buf + done, len - done, 0);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    if (done == len)
        return true;
#endif
    return read_urandom(buf, len);
}

/* A random (version 4, RFC 4122 variant) GUID. */
HRESULT STDAPICALLTYPE CoCreateGuid(GUID *pguid)
{
    guid_bytes bytes;

    if (!pguid)
        return E_INVALIDARG;
    if (!fill_random(bytes, sizeof(bytes)))
        return E_FAIL;
    bytes[6] = (unsigned char)((bytes[6] & 0x0F) | 0x40);
    bytes[8] = (unsigned char)((bytes[8] & 0x3F) | 0x80);
    guid_from_bytes(pguid, bytes);
    return S_OK;
}
