/*
 * fixture.c - see fixture.h.
 */
#define _XOPEN_SOURCE 700 /* nftw */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void fixture_setup(fixture *f)
{
    const char *tmp = getenv("TMPDIR");

    snprintf(f->dir, sizeof(f->dir), "%s/ccw-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->registry, sizeof(f->registry), "%s/reg/registry.json", f->dir);
    assert_int_equal(setenv("CCW_REGISTRY", f->registry, 1), 0);
    SetErrorInfo(0, NULL);
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)ftw;
    /* Directories a test made unwritable must still be emptied. */
    if (type == FTW_DP)
        return rmdir(path);
    return unlink(path);
}

void fixture_teardown(fixture *f)
{
    chmod(f->dir, 0700);
    assert_int_equal(nftw(f->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
    SetErrorInfo(0, NULL);
}

void fixture_write(const char *path, const char *text, mode_t mode)
{
    char dir[PATH_MAX];
    char *slash;
    FILE *file;

    snprintf(dir, sizeof(dir), "%s", path);
    slash = strrchr(dir, '/');
    assert_non_null(slash);
    *slash = '\0';
    if (mkdir(dir, 0755) != 0)
        assert_int_equal(errno, EEXIST);
    file = fopen(path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
    assert_int_equal(fclose(file), 0);
    assert_int_equal(chmod(path, mode), 0);
}

char *fixture_read(const char *path)
{
    FILE *file = fopen(path, "rb");
    size_t len = 0, cap = 1024;
    char *text;

    if (!file)
        return NULL;
    text = malloc(cap);
    assert_non_null(text);
    for (;;) {
        size_t got = fread(text + len, 1, cap - len - 1, file);

        len += got;
        if (got == 0)
            break;
        if (cap - len - 1 == 0) {
            cap *= 2;
            text = realloc(text, cap);
            assert_non_null(text);
        }
    }
    fclose(file);
    text[len] = '\0';
    return text;
}

void fixture_copy(const char *from, const char *to, mode_t mode)
{
    char buffer[65536];
    int in = open(from, O_RDONLY), out;
    ssize_t got;

    assert_true(in >= 0);
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(out >= 0);
    while ((got = read(in, buffer, sizeof(buffer))) > 0)
        assert_int_equal(write(out, buffer, (size_t)got), got);
    assert_int_equal(got, 0);
    close(in);
    assert_int_equal(close(out), 0);
    assert_int_equal(chmod(to, mode), 0);
}

char *fixture_error_description(void)
{
    IErrorInfo *info = NULL;
    BSTR description = NULL;
    char *text = NULL, *copy;

    if (GetErrorInfo(0, &info) == S_OK && info) {
        assert_int_equal(IErrorInfo_GetDescription(info, &description), S_OK);
        assert_int_equal(ccw_bstr_to_utf8(description, &text, NULL), S_OK);
        SysFreeString(description);
        IErrorInfo_Release(info);
    }
    copy = strdup(text ? text : "");
    assert_non_null(copy);
    ccw_string_free(text);
    return copy;
}

void fixture_assert_error(const char *text, const char *other)
{
    char *description = fixture_error_description();

    if (!strstr(description, text) || (other && !strstr(description, other)))
        fail_msg("error \"%s\" does not mention \"%s\" and \"%s\"", description, text,
                 other ? other : "");
    free(description);
}
