/*
 * compat/bstr.c - the BSTR API of oleaut32 (SysAllocString & co.).
 *
 * A BSTR points just past a 4-byte prefix holding the string's length in
 * bytes (terminator excluded), at the start of one malloc'd block. The data is
 * followed by a 2-byte NUL; an odd byte length (SysAllocStringByteLen) is
 * first padded with one zero byte, so the terminator is a whole OLECHAR.
 *
 * Mono's runtime frees a BSTR with free(p - 4), so every block comes straight
 * from malloc and is returned straight to free: there is no BSTR cache.
 */
#include <ccw/com.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BSTR_PREFIX_SIZE sizeof(uint32_t)

/*
 * oleaut32's limits: the byte length, its prefix and its terminator must fit
 * in 32 bits. Anything at or above them fails like an allocation failure.
 */
#define BSTR_BYTE_LIMIT (UINT32_MAX - BSTR_PREFIX_SIZE - sizeof(OLECHAR))
#define BSTR_CHAR_LIMIT (BSTR_BYTE_LIMIT / sizeof(OLECHAR))

static unsigned char *block_of(BSTR bstr)
{
    return (unsigned char *)bstr - BSTR_PREFIX_SIZE;
}

static uint32_t byte_length_of(BSTR bstr)
{
    uint32_t byte_len;

    memcpy(&byte_len, block_of(bstr), sizeof(byte_len));
    return byte_len;
}

/* Writes the prefix and the zero padding/terminator that follow byte_len bytes of data. */
static BSTR finish_block(unsigned char *block, size_t byte_len)
{
    uint32_t prefix = (uint32_t)byte_len;
    size_t tail = (byte_len & 1) + sizeof(OLECHAR);

    memcpy(block, &prefix, sizeof(prefix));
    memset(block + BSTR_PREFIX_SIZE + byte_len, 0, tail);
    return (BSTR)(void *)(block + BSTR_PREFIX_SIZE);
}

static size_t block_size(size_t byte_len)
{
    return BSTR_PREFIX_SIZE + byte_len + (byte_len & 1) + sizeof(OLECHAR);
}

/* A new BSTR of byte_len bytes whose data is left for the caller to fill. */
static BSTR bstr_alloc(size_t byte_len)
{
    unsigned char *block;

    if (byte_len >= BSTR_BYTE_LIMIT)
        return NULL;
    block = malloc(block_size(byte_len));
    if (!block)
        return NULL;
    return finish_block(block, byte_len);
}

static size_t olestr_length(const OLECHAR *str)
{
    size_t len = 0;

    while (str[len])
        len++;
    return len;
}

BSTR STDAPICALLTYPE SysAllocStringLen(const OLECHAR *strIn, UINT ui)
{
    size_t byte_len = (size_t)ui * sizeof(OLECHAR);
    BSTR bstr;

    if (ui >= BSTR_CHAR_LIMIT)
        return NULL;
    bstr = bstr_alloc(byte_len);
    if (!bstr)
        return NULL;
    /* Windows leaves the data of SysAllocStringLen(NULL, n) uninitialised; zeros are safer. */
    if (strIn)
        memcpy(bstr, strIn, byte_len);
    else
        memset(bstr, 0, byte_len);
    return bstr;
}

BSTR STDAPICALLTYPE SysAllocString(const OLECHAR *psz)
{
    size_t len;

    if (!psz)
        return NULL;
    len = olestr_length(psz);
    if (len >= BSTR_CHAR_LIMIT)
        return NULL;
    return SysAllocStringLen(psz, (UINT)len);
}

BSTR STDAPICALLTYPE SysAllocStringByteLen(LPCSTR psz, UINT len)
{
    BSTR bstr = bstr_alloc(len);

    if (!bstr)
        return NULL;
    if (psz)
        memcpy(bstr, psz, len);
    else
        memset(bstr, 0, len);
    return bstr;
}

void STDAPICALLTYPE SysFreeString(BSTR bstrString)
{
    if (bstrString)
        free(block_of(bstrString));
}

UINT STDAPICALLTYPE SysStringByteLen(BSTR bstr)
{
    return bstr ? byte_length_of(bstr) : 0;
}

UINT STDAPICALLTYPE SysStringLen(BSTR pbstr)
{
    return pbstr ? byte_length_of(pbstr) / (UINT)sizeof(OLECHAR) : 0;
}

/*
 * How many bytes of the old string can be read from src if src points into
 * it (callers do pass a string's own data back), or SIZE_MAX if it does not:
 * the new string then may not read past the old one's end.
 */
static size_t readable_in_old(BSTR old, const OLECHAR *src)
{
    uintptr_t start = (uintptr_t)old;
    uintptr_t pos = (uintptr_t)src;
    size_t old_bytes;

    if (!old)
        return SIZE_MAX;
    old_bytes = byte_length_of(old);
    if (pos < start || pos - start >= block_size(old_bytes) - BSTR_PREFIX_SIZE)
        return SIZE_MAX;
    return pos - start < old_bytes ? old_bytes - (pos - start) : 0;
}

/* SysReAllocStringLen(pbstr, NULL, len): resize in place, keeping the old data. */
static INT bstr_resize(BSTR *pbstr, UINT len)
{
    size_t new_bytes = (size_t)len * sizeof(OLECHAR);
    size_t old_bytes;
    unsigned char *block;

    if (!*pbstr) {
        *pbstr = SysAllocStringLen(NULL, len);
        return *pbstr != NULL;
    }
    old_bytes = byte_length_of(*pbstr);
    block = realloc(block_of(*pbstr), block_size(new_bytes));
    if (!block)
        return FALSE;
    if (new_bytes > old_bytes)
        memset(block + BSTR_PREFIX_SIZE + old_bytes, 0, new_bytes - old_bytes);
    *pbstr = finish_block(block, new_bytes);
    return TRUE;
}

INT STDAPICALLTYPE SysReAllocStringLen(BSTR *pbstr, const OLECHAR *psz, UINT len)
{
    size_t new_bytes = (size_t)len * sizeof(OLECHAR);
    size_t copy_bytes = new_bytes;
    size_t readable;
    BSTR fresh;

    if (!pbstr || len >= BSTR_CHAR_LIMIT)
        return FALSE;
    if (!psz)
        return bstr_resize(pbstr, len);

    readable = readable_in_old(*pbstr, psz);
    if (readable < copy_bytes)
        copy_bytes = readable;
    fresh = bstr_alloc(new_bytes);
    if (!fresh)
        return FALSE;
    memcpy(fresh, psz, copy_bytes);
    memset((unsigned char *)fresh + copy_bytes, 0, new_bytes - copy_bytes);
    SysFreeString(*pbstr);
    *pbstr = fresh;
    return TRUE;
}

INT STDAPICALLTYPE SysReAllocString(BSTR *pbstr, const OLECHAR *psz)
{
    BSTR fresh;

    if (!pbstr)
        return FALSE;
    /* As oleaut32: a NULL source frees the string and leaves NULL, the empty BSTR. */
    fresh = SysAllocString(psz);
    if (psz && !fresh)
        return FALSE;
    /* Allocated before the old string is freed, as psz may point into it. */
    SysFreeString(*pbstr);
    *pbstr = fresh;
    return TRUE;
}
