/*
 * fuzz_registry.c - the activation registry reader (runtime/registry.c) on
 * arbitrary file contents.
 *
 * Each input becomes the registry file ($CCW_REGISTRY, in a private
 * directory of its own, mode 0600), which is then listed and searched as
 * CoCreateInstance and `ccw list` would.
 *
 * Properties: listing and lookups agree — every listed class is found again
 * by its CLSID and by its ProgID in any ASCII case, with the same component;
 * a file that cannot be listed fails every lookup too; nothing leaks.
 */
#include "fuzz.h"

#include <ctype.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <ccw/runtime.h>

#include "registry.h"

static char registry_dir[] = "/tmp/ccw-fuzz-registry-XXXXXX";
static char registry_file[256];

static void remove_registry(void)
{
    unlink(registry_file);
    rmdir(registry_dir);
}

static void write_registry(const uint8_t *data, size_t size)
{
    int fd = open(registry_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

    FUZZ_CHECK(fd >= 0);
    while (size > 0) {
        ssize_t wrote = write(fd, data, size);

        FUZZ_CHECK(wrote > 0);
        data += wrote;
        size -= (size_t)wrote;
    }
    FUZZ_CHECK(close(fd) == 0);
}

static void swap_ascii_case(char *text)
{
    for (; *text; text++)
        *text = (char)(islower((unsigned char)*text) ? toupper((unsigned char)*text)
                                                     : tolower((unsigned char)*text));
}

static void check_found_again(const ccw_registry_entry *listed)
{
    ccw_registry_entry found;

    memset(&found, 0, sizeof(found));
    FUZZ_CHECK(registry_find_clsid(&listed->clsid, &found) == S_OK);
    FUZZ_CHECK(IsEqualGUID(&found.clsid, &listed->clsid));
    FUZZ_CHECK(strcmp(found.path, listed->path) == 0);
    registry_entry_clear(&found);

    if (listed->progid) {
        char *other_case = strdup(listed->progid);
        CLSID clsid;

        FUZZ_CHECK(other_case != NULL);
        swap_ascii_case(other_case);
        FUZZ_CHECK(registry_find_progid(other_case, &found) == S_OK);
        FUZZ_CHECK(IsEqualGUID(&found.clsid, &listed->clsid));
        registry_entry_clear(&found);
        free(other_case);

        /* CLSIDFromProgID is the same lookup through the COM API. */
        {
            OLECHAR wide[256];
            size_t len = 0;

            if (ccw_utf8_to_utf16(listed->progid, CCW_NUL_TERMINATED, wide, 255, &len) ==
                S_OK) {
                wide[len] = 0;
                FUZZ_CHECK(CLSIDFromProgID(wide, &clsid) == S_OK);
                FUZZ_CHECK(IsEqualGUID(&clsid, &listed->clsid));
            }
        }
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_CHECK(mkdtemp(registry_dir) != NULL);
    snprintf(registry_file, sizeof(registry_file), "%s/registry.json", registry_dir);
    FUZZ_CHECK(setenv("CCW_REGISTRY", registry_file, 1) == 0);
    atexit(remove_registry);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const CLSID unlisted = { 0x0badf00d, 0x0000, 0x4000, { 0x80, 0, 0, 0, 0, 0, 0, 1 } };
    ccw_registry_entry *entries = NULL, found;
    size_t count = 0;
    HRESULT listed, hr;

    write_registry(data, size);
    listed = ccw_registry_list(&entries, &count);
    if (SUCCEEDED(listed)) {
        for (size_t i = 0; i < count; i++) {
            FUZZ_CHECK(entries[i].path != NULL && entries[i].threading != NULL);
            FUZZ_CHECK(strcmp(entries[i].registry, registry_file) == 0);
            check_found_again(&entries[i]);
        }
        ccw_registry_list_free(entries, count);
    }

    memset(&found, 0, sizeof(found));
    hr = registry_find_clsid(&unlisted, &found);
    if (SUCCEEDED(hr)) {
        FUZZ_CHECK(SUCCEEDED(listed));
        FUZZ_CHECK(IsEqualGUID(&found.clsid, &unlisted));
        registry_entry_clear(&found);
    } else {
        FUZZ_CHECK(hr == REGDB_E_CLASSNOTREG || FAILED(listed));
    }
    hr = registry_find_progid("Vendor.Name", &found);
    if (SUCCEEDED(hr))
        registry_entry_clear(&found);
    else
        FUZZ_CHECK(hr == CO_E_CLASSSTRING || FAILED(listed));

    /* Failures raise IErrorInfo on this thread: drop it, as a client would. */
    SetErrorInfo(0, NULL);
    return 0;
}
