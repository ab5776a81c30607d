/*
 * fuzz.h - what every libFuzzer target in tests/fuzz shares.
 *
 * A target checks properties that must hold for any input, not only that the
 * code under test survives it: a failed FUZZ_CHECK aborts, which libFuzzer
 * reports as a crash and saves the input.
 */
#ifndef CCW_TESTS_FUZZ_H
#define CCW_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

/* The fuzzer's input, read front to back; past its end every read is zero. */
typedef struct reader {
    const uint8_t *data;
    size_t size;
} reader;

static inline uint8_t read_byte(reader *r)
{
    uint8_t b = 0;

    if (r->size) {
        b = r->data[0];
        r->data++;
        r->size--;
    }
    return b;
}

/* Copies up to `len` bytes into `out`, zero-filling the rest. */
static inline void read_bytes(reader *r, void *out, size_t len)
{
    size_t n = r->size < len ? r->size : len;

    memset(out, 0, len);
    if (n)
        memcpy(out, r->data, n);
    r->data += n;
    r->size -= n;
}

/* libFuzzer's entry points (it provides main); Initialize is optional. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
