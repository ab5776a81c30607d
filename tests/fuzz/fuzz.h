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

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

/* libFuzzer's entry points (it provides main); Initialize is optional. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
