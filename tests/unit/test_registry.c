/*
 * test_registry.c - the JSON registry off Windows: its locations, the
 * ProgID rule, what ccw_server_register and ccw_server_unregister write,
 * ccw_registry_list and ccw_registry_remove, the lookups behind
 * CLSIDFromProgID and ProgIDFromCLSID, the checks on corrupt and insecure
 * files, and updates from many threads at once.
 *
 * The component registered here is this test program itself (any address
 * in it will do); tests/activation/test_activation.c loads real ones.  Every
 * test has its own $CCW_REGISTRY in a temporary directory.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../activation/fixture.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* {3C2B1A00-7D6E-4F5A-8B9C-0000000000NN} */
#define TEST_CLSID(n) { 0x3c2b1a00, 0x7d6e, 0x4f5a, { 0x8b, 0x9c, 0, 0, 0, 0, 0, (n) } }
#define TEST_CLSID_TEXT(nn) "{3C2B1A00-7D6E-4F5A-8B9C-0000000000" nn "}"

static const CLSID CLSID_First = TEST_CLSID(1);
static const CLSID CLSID_Second = TEST_CLSID(2);
static const CLSID CLSID_Third = TEST_CLSID(3);

static void *construct_nothing(void)
{
    return NULL;
}

static ccw_module test_module;

static const ccw_class first_class = {
    .name = "First",
    .progid = "CcwTest.First.1",
    .clsid = &CLSID_First,
    .construct = construct_nothing,
    .module = &test_module,
    .threading = CCW_THREADING_APARTMENT,
    .version = "1.2",
};
static const ccw_class second_class = {
    .name = "Second",
    .progid = "CcwTest.Second",
    .clsid = &CLSID_Second,
    .construct = construct_nothing,
    .module = &test_module,
};
/* Noncreatable: never registered. */
static const ccw_class third_class = {
    .name = "Third",
    .clsid = &CLSID_Third,
    .module = &test_module,
};
static const ccw_class *const test_classes[] = { &first_class, &second_class, &third_class };

/* Any address in this program: it is the component. */
static const void *const in_this_program = &test_module;

static char this_program[PATH_MAX];

static int setup(void **state)
{
    fixture *f = malloc(sizeof(*f));

    assert_non_null(f);
    fixture_setup(f);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_teardown(*state);
    free(*state);
    return 0;
}

static void register_test_classes(void)
{
    assert_int_equal(ccw_server_register(test_classes, 3, in_this_program), S_OK);
}

static const ccw_registry_entry *find_entry(const ccw_registry_entry *entries, size_t count,
                                            const CLSID *clsid)
{
    size_t i;

    for (i = 0; i < count; i++)
        if (IsEqualGUID(&entries[i].clsid, clsid))
            return &entries[i];
    return NULL;
}

static size_t registered_count(void)
{
    ccw_registry_entry *entries;
    size_t count;

    assert_int_equal(ccw_registry_list(&entries, &count), S_OK);
    ccw_registry_list_free(entries, count);
    return count;
}

static HRESULT clsid_from_progid(const char *progid, CLSID *out)
{
    OLECHAR wide[128];
    size_t len;

    assert_int_equal(ccw_utf8_to_utf16(progid, CCW_NUL_TERMINATED, wide, 127, &len), S_OK);
    wide[len] = 0;
    return CLSIDFromProgID(wide, out);
}

/* ProgIDFromCLSID in UTF-8 (free it); NULL, and *hr, on failure. */
static char *progid_from_clsid(const CLSID *clsid, HRESULT *hr)
{
    LPOLESTR wide = (LPOLESTR)(uintptr_t)1;
    char text[128];
    size_t len;

    *hr = ProgIDFromCLSID(clsid, &wide);
    if (FAILED(*hr)) {
        assert_null(wide);
        return NULL;
    }
    assert_int_equal(ccw_utf16_to_utf8(wide, CCW_NUL_TERMINATED, text, sizeof(text) - 1, &len),
                     S_OK);
    text[len] = '\0';
    CoTaskMemFree(wide);
    return strdup(text);
}

/* A registry file holding the given "classes" members. */
static void write_registry(const char *path, const char *classes)
{
    char text[8192];

    snprintf(text, sizeof(text), "{ \"format\": 1, \"classes\": { %s } }\n", classes);
    fixture_write(path, text, 0644);
}

/* ---- Locations ---------------------------------------------------------- */

static void test_path_from_environment(void **state)
{
    fixture *f = *state;
    char *path = NULL;

    assert_int_equal(ccw_registry_path(&path), S_OK);
    assert_string_equal(path, f->registry);
    ccw_string_free(path);

    /* A list: updates go to the first file; empty items are skipped. */
    setenv("CCW_REGISTRY", "::/a/one.json:/b/two.json", 1);
    assert_int_equal(ccw_registry_path(&path), S_OK);
    assert_string_equal(path, "/a/one.json");
    ccw_string_free(path);

    path = NULL;
    setenv("CCW_REGISTRY", "/a/one.json:relative.json", 1);
    assert_int_equal(ccw_registry_path(&path), E_INVALIDARG);
    assert_null(path);
    fixture_assert_error("$CCW_REGISTRY", "relative.json");

    setenv("CCW_REGISTRY", ":::", 1);
    assert_int_equal(ccw_registry_path(&path), E_INVALIDARG);
    assert_null(path);

    assert_int_equal(ccw_registry_path(NULL), E_POINTER);
}

static void test_path_defaults(void **state)
{
    char *saved_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    char *path = NULL;

    (void)state;
    unsetenv("CCW_REGISTRY");
    setenv("XDG_DATA_HOME", "/data/home", 1);
    assert_int_equal(ccw_registry_path(&path), S_OK);
    assert_string_equal(path, "/data/home/ccw/registry.json");
    ccw_string_free(path);

    /* A relative XDG_DATA_HOME is ignored, as the XDG specification says. */
    setenv("XDG_DATA_HOME", "data", 1);
    setenv("HOME", "/home/someone", 1);
    assert_int_equal(ccw_registry_path(&path), S_OK);
    assert_string_equal(path, "/home/someone/.local/share/ccw/registry.json");
    ccw_string_free(path);

    /* No $HOME: the password database's home directory. */
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    {
        struct passwd *pw = getpwuid(geteuid());
        char expected[PATH_MAX];

        assert_non_null(pw);
        snprintf(expected, sizeof(expected), "%s/.local/share/ccw/registry.json", pw->pw_dir);
        assert_int_equal(ccw_registry_path(&path), S_OK);
        assert_string_equal(path, expected);
        ccw_string_free(path);
    }
    if (saved_home)
        setenv("HOME", saved_home, 1);
    free(saved_home);
}

/* Lookups go through the files in order; updates touch the first only. */
static void test_lookup_order(void **state)
{
    fixture *f = *state;
    char first[PATH_MAX], second[PATH_MAX], list[2 * PATH_MAX + 1];
    ccw_registry_entry *entries;
    size_t count;
    CLSID clsid;
    HRESULT hr;
    char *progid;
    char *before;

    snprintf(first, sizeof(first), "%s/user/registry.json", f->dir);
    snprintf(second, sizeof(second), "%s/system/registry.json", f->dir);
    snprintf(list, sizeof(list), "%s:%s", first, second);
    setenv("CCW_REGISTRY", list, 1);
    write_registry(first, "\"" TEST_CLSID_TEXT("01") "\": { \"progid\": \"User.First\", "
                          "\"path\": \"/u/one.so\", \"threading\": \"both\" }");
    write_registry(second, "\"" TEST_CLSID_TEXT("01") "\": { \"progid\": \"System.First\", "
                           "\"path\": \"/s/one.so\", \"threading\": \"both\" },"
                           "\"" TEST_CLSID_TEXT("02") "\": { \"progid\": \"System.Second\", "
                           "\"path\": \"/s/two.so\", \"threading\": \"free\" }");

    progid = progid_from_clsid(&CLSID_First, &hr);
    assert_int_equal(hr, S_OK);
    assert_string_equal(progid, "User.First");
    free(progid);
    assert_int_equal(clsid_from_progid("System.Second", &clsid), S_OK);
    assert_true(IsEqualGUID(&clsid, &CLSID_Second));
    /* The system file's ProgID of a CLSID the user file has still resolves. */
    assert_int_equal(clsid_from_progid("System.First", &clsid), S_OK);
    assert_true(IsEqualGUID(&clsid, &CLSID_First));

    assert_int_equal(ccw_registry_list(&entries, &count), S_OK);
    assert_int_equal(count, 3);
    assert_string_equal(entries[0].registry, first);
    assert_string_equal(entries[0].path, "/u/one.so");
    assert_string_equal(entries[1].registry, second);
    assert_string_equal(entries[2].registry, second);
    ccw_registry_list_free(entries, count);

    before = fixture_read(second);
    assert_int_equal(ccw_registry_remove("User.First"), S_OK);
    /* Not in the first file: the second one is never written. */
    assert_int_equal(ccw_registry_remove("System.Second"), REGDB_E_CLASSNOTREG);
    fixture_assert_error(first, "System.Second");
    progid = fixture_read(second);
    assert_string_equal(progid, before);
    free(progid);
    free(before);
    progid = progid_from_clsid(&CLSID_First, &hr);
    assert_int_equal(hr, S_OK);
    assert_string_equal(progid, "System.First");
    free(progid);
}

/* ---- Registering -------------------------------------------------------- */

static void test_register_writes_entries(void **state)
{
    fixture *f = *state;
    ccw_registry_entry *entries;
    const ccw_registry_entry *entry;
    size_t count;
    struct stat st;
    char path[PATH_MAX];
    DIR *dir;
    struct dirent *item;
    size_t files = 0;

    register_test_classes();
    assert_int_equal(ccw_registry_list(&entries, &count), S_OK);
    assert_int_equal(count, 2);
    entry = find_entry(entries, count, &CLSID_First);
    assert_non_null(entry);
    assert_string_equal(entry->progid, "CcwTest.First.1");
    assert_string_equal(entry->name, "First");
    assert_string_equal(entry->path, this_program);
    assert_string_equal(entry->threading, "apartment");
    assert_string_equal(entry->version, "1.2");
    assert_string_equal(entry->registry, f->registry);
    entry = find_entry(entries, count, &CLSID_Second);
    assert_non_null(entry);
    assert_string_equal(entry->threading, "both");
    assert_null(entry->version);
    assert_null(find_entry(entries, count, &CLSID_Third));
    ccw_registry_list_free(entries, count);

    /* Readable by all, writable by the owner; no temporary file left. */
    assert_int_equal(stat(f->registry, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0644);
    snprintf(path, sizeof(path), "%s/reg", f->dir);
    dir = opendir(path);
    assert_non_null(dir);
    while ((item = readdir(dir)) != NULL) {
        if (strcmp(item->d_name, ".") == 0 || strcmp(item->d_name, "..") == 0)
            continue;
        files++;
        assert_true(strcmp(item->d_name, "registry.json") == 0 ||
                    strcmp(item->d_name, "registry.json.lock") == 0);
    }
    closedir(dir);
    assert_int_equal(files, 2);

    /* Registering again replaces, never duplicates. */
    register_test_classes();
    assert_int_equal(registered_count(), 2);
}

static void test_register_keeps_unknown_keys(void **state)
{
    fixture *f = *state;
    char *text;

    fixture_write(f->registry,
                  "{ \"format\": 1, \"written-by\": \"ccw 9\", \"classes\": { \"" TEST_CLSID_TEXT(
                      "09") "\": { \"path\": \"/x.so\", \"threading\": \"free\", "
                            "\"license\": \"MIT\" } } }",
                  0644);
    register_test_classes();
    text = fixture_read(f->registry);
    assert_non_null(strstr(text, "\"written-by\""));
    assert_non_null(strstr(text, "\"license\""));
    free(text);
    assert_int_equal(registered_count(), 3);
}

static void test_progid_moves_to_the_new_class(void **state)
{
    fixture *f = *state;
    ccw_registry_entry *entries;
    size_t count;
    CLSID clsid;
    HRESULT hr;
    char *progid;

    /* Another CLSID holds CcwTest.Second (any case): registering takes it. */
    write_registry(f->registry, "\"" TEST_CLSID_TEXT("07") "\": { \"progid\": \"ccwtest.SECOND\", "
                                "\"path\": \"/old.so\", \"threading\": \"both\" }");
    register_test_classes();
    assert_int_equal(clsid_from_progid("CcwTest.Second", &clsid), S_OK);
    assert_true(IsEqualGUID(&clsid, &CLSID_Second));
    assert_int_equal(ccw_registry_list(&entries, &count), S_OK);
    assert_int_equal(count, 3);
    assert_null(entries[0].progid);
    assert_string_equal(entries[0].path, "/old.so");
    ccw_registry_list_free(entries, count);
    {
        const CLSID old = TEST_CLSID(7);

        progid = progid_from_clsid(&old, &hr);
        assert_int_equal(hr, REGDB_E_CLASSNOTREG);
        assert_null(progid);
    }
}

/* The one ProgID rule, ccwgen's and registration's: the edges of each part. */
static void test_progid_is_valid(void **state)
{
    static const char *const valid[] = {
        "A", "Vendor.Name", "Vendor.Name.1", "Vendor_Name.Part_2", "v1.x",
        "Abcdefghij.Abcdefghij.Abcdefghij.Abcdef", /* CCW_PROGID_MAX characters */
    };
    static const char *const invalid[] = {
        "", "1Vendor", "_Vendor", ".Vendor", "Vendor.", "Vendor..Name", "Vendor Name",
        "Vendor-Name", "{Vendor}", "Vend\xc3\xb6r", "Abcdefghij.Abcdefghij.Abcdefghij.Abcdefg",
    };
    size_t i;

    (void)state;
    assert_int_equal(strlen(valid[5]), CCW_PROGID_MAX);
    assert_int_equal(strlen(invalid[10]), CCW_PROGID_MAX + 1);
    for (i = 0; i < sizeof(valid) / sizeof(*valid); i++)
        assert_true(ccw_progid_is_valid(valid[i]));
    for (i = 0; i < sizeof(invalid) / sizeof(*invalid); i++)
        assert_false(ccw_progid_is_valid(invalid[i]));
    assert_false(ccw_progid_is_valid(NULL));
}

static void test_register_arguments(void **state)
{
    static const CLSID clsid = TEST_CLSID(0x40);
    ccw_class no_clsid = first_class, bad_progid = first_class, bad_threading = first_class;
    const ccw_class *with_null[] = { &first_class, NULL };
    const ccw_class *one[1];
    fixture *f = *state;
    void *heap = malloc(16);

    (void)f;
    assert_int_equal(ccw_server_register(NULL, 1, in_this_program), E_POINTER);
    assert_int_equal(ccw_server_register(test_classes, 3, NULL), E_POINTER);
    assert_int_equal(ccw_server_register(with_null, 2, in_this_program), E_POINTER);
    assert_int_equal(ccw_server_unregister(NULL, 1, in_this_program), E_POINTER);
    assert_int_equal(ccw_server_unregister(test_classes, 3, NULL), E_POINTER);
    assert_int_equal(ccw_server_unregister(with_null, 2, in_this_program), E_POINTER);

    no_clsid.clsid = NULL;
    one[0] = &no_clsid;
    assert_int_equal(ccw_server_register(one, 1, in_this_program), E_INVALIDARG);
    fixture_assert_error("First", "no CLSID");
    assert_int_equal(ccw_server_unregister(one, 1, in_this_program), E_INVALIDARG);

    bad_progid.clsid = &clsid;
    one[0] = &bad_progid;
    {
        static const char *const invalid[] = {
            "", "1Vendor.Name", "Vendor..Name", "Vendor.Name.", "Vendor Name", "{Vendor}",
            "Vendor.Name.That.Is.Far.Too.Long.For.Windows", "Vendör.Name",
        };
        size_t i;

        for (i = 0; i < sizeof(invalid) / sizeof(*invalid); i++) {
            bad_progid.progid = invalid[i];
            assert_int_equal(ccw_server_register(one, 1, in_this_program), E_INVALIDARG);
        }
    }
    bad_threading.clsid = &clsid;
    bad_threading.threading = (ccw_threading)42;
    one[0] = &bad_threading;
    assert_int_equal(ccw_server_register(one, 1, in_this_program), E_INVALIDARG);
    fixture_assert_error("threading", NULL);

    /* An address in no module (heap memory). */
    assert_int_equal(ccw_server_register(test_classes, 3, heap),
                     HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND));
    assert_int_equal(ccw_server_unregister(test_classes, 3, heap),
                     HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND));
    free(heap);

    /* Nothing creatable: nothing to do, nothing written. */
    one[0] = &third_class;
    assert_int_equal(ccw_server_register(one, 1, in_this_program), S_OK);
    assert_null(fixture_read(f->registry));
    assert_int_equal(ccw_server_register(test_classes, 0, in_this_program), S_OK);
    assert_int_equal(registered_count(), 0);
}

/* ---- Unregistering ------------------------------------------------------ */

static void test_unregister(void **state)
{
    fixture *f = *state;
    char *before, *after;
    ccw_registry_entry *entries;
    size_t count;

    /* Unregistering what was never registered writes nothing. */
    assert_int_equal(ccw_server_unregister(test_classes, 3, in_this_program), S_OK);
    assert_null(fixture_read(f->registry));

    register_test_classes();
    assert_int_equal(ccw_server_unregister(test_classes, 3, in_this_program), S_OK);
    assert_int_equal(registered_count(), 0);
    before = fixture_read(f->registry);
    assert_int_equal(ccw_server_unregister(test_classes, 3, in_this_program), S_OK);
    after = fixture_read(f->registry);
    assert_string_equal(before, after);
    free(before);
    free(after);

    /* An entry of the same CLSID that names another component stays. */
    write_registry(f->registry, "\"" TEST_CLSID_TEXT("01") "\": { \"progid\": \"Other.First\", "
                                "\"path\": \"/other/component.so\", \"threading\": \"both\" }");
    assert_int_equal(ccw_server_unregister(test_classes, 3, in_this_program), S_OK);
    assert_int_equal(ccw_registry_list(&entries, &count), S_OK);
    assert_int_equal(count, 1);
    assert_string_equal(entries[0].path, "/other/component.so");
    ccw_registry_list_free(entries, count);
}

static void test_remove_by_key(void **state)
{
    (void)state;
    register_test_classes();
    assert_int_equal(ccw_registry_remove("ccwtest.first.1"), S_OK);
    assert_int_equal(registered_count(), 1);
    assert_int_equal(ccw_registry_remove("ccwtest.first.1"), REGDB_E_CLASSNOTREG);
    fixture_assert_error("ccwtest.first.1", "not registered");
    assert_int_equal(ccw_registry_remove("{3c2b1a00-7d6e-4f5a-8b9c-000000000002}"), S_OK);
    assert_int_equal(registered_count(), 0);
    assert_int_equal(ccw_registry_remove(TEST_CLSID_TEXT("02")), REGDB_E_CLASSNOTREG);
    assert_int_equal(ccw_registry_remove("{not-a-clsid}"), REGDB_E_CLASSNOTREG);
    assert_int_equal(ccw_registry_remove(NULL), E_POINTER);
}

/* ---- Lookups ------------------------------------------------------------ */

static void test_clsid_from_progid(void **state)
{
    static const CLSID versions[] = { TEST_CLSID(0x11), TEST_CLSID(0x12), TEST_CLSID(0x13) };
    static const OLECHAR unpaired[] = { 'A', 0xd800, 0 };
    fixture *f = *state;
    CLSID clsid;

    write_registry(f->registry,
                   "\"" TEST_CLSID_TEXT("11") "\": { \"progid\": \"Vendor.Thing.2\", "
                   "\"path\": \"/t.so\", \"threading\": \"both\" },"
                   "\"" TEST_CLSID_TEXT("12") "\": { \"progid\": \"Vendor.Thing.10\", "
                   "\"path\": \"/t.so\", \"threading\": \"both\" },"
                   "\"" TEST_CLSID_TEXT("13") "\": { \"progid\": \"Vendor.Thing.1\", "
                   "\"path\": \"/t.so\", \"threading\": \"both\" },"
                   "\"" TEST_CLSID_TEXT("14") "\": { \"progid\": \"Vendor.Thingy.99\", "
                   "\"path\": \"/t.so\", \"threading\": \"both\" }");
    assert_int_equal(clsid_from_progid("Vendor.Thing.1", &clsid), S_OK);
    assert_true(IsEqualGUID(&clsid, &versions[2]));
    assert_int_equal(clsid_from_progid("VENDOR.THING.2", &clsid), S_OK);
    assert_true(IsEqualGUID(&clsid, &versions[0]));
    /* Versionless: the highest version, compared as a number. */
    assert_int_equal(clsid_from_progid("Vendor.Thing", &clsid), S_OK);
    assert_true(IsEqualGUID(&clsid, &versions[1]));

    memset(&clsid, 0xcc, sizeof(clsid));
    assert_int_equal(clsid_from_progid("Vendor.Missing", &clsid), CO_E_CLASSSTRING);
    assert_true(IsEqualGUID(&clsid, &CLSID_NULL));
    memset(&clsid, 0xcc, sizeof(clsid));
    assert_int_equal(clsid_from_progid("Vendor", &clsid), CO_E_CLASSSTRING);
    assert_true(IsEqualGUID(&clsid, &CLSID_NULL));
    /* Not ProgIDs at all. */
    assert_int_equal(clsid_from_progid(TEST_CLSID_TEXT("11"), &clsid), CO_E_CLASSSTRING);
    assert_int_equal(clsid_from_progid("Vendor.Thing.That.Is.Far.Too.Long.For.Windows", &clsid),
                     CO_E_CLASSSTRING);
    assert_int_equal(clsid_from_progid("", &clsid), CO_E_CLASSSTRING);
    memset(&clsid, 0xcc, sizeof(clsid));
    assert_int_equal(CLSIDFromProgID(unpaired, &clsid), CO_E_CLASSSTRING);
    assert_true(IsEqualGUID(&clsid, &CLSID_NULL));

    assert_int_equal(CLSIDFromProgID(NULL, &clsid), E_INVALIDARG);
    assert_int_equal(CLSIDFromProgID(unpaired, NULL), E_INVALIDARG);
}

static void test_progid_from_clsid(void **state)
{
    static const CLSID unknown = TEST_CLSID(0x77);
    fixture *f = *state;
    LPOLESTR progid = (LPOLESTR)(uintptr_t)1;
    HRESULT hr;
    char *text;

    write_registry(f->registry, "\"" TEST_CLSID_TEXT("01") "\": { \"progid\": \"Vendor.Named\", "
                                "\"path\": \"/t.so\", \"threading\": \"both\" },"
                                "\"" TEST_CLSID_TEXT("02") "\": { "
                                "\"path\": \"/t.so\", \"threading\": \"both\" }");
    text = progid_from_clsid(&CLSID_First, &hr);
    assert_int_equal(hr, S_OK);
    assert_string_equal(text, "Vendor.Named");
    free(text);
    /* Registered without a ProgID, and not registered at all. */
    assert_null(progid_from_clsid(&CLSID_Second, &hr));
    assert_int_equal(hr, REGDB_E_CLASSNOTREG);
    assert_null(progid_from_clsid(&unknown, &hr));
    assert_int_equal(hr, REGDB_E_CLASSNOTREG);

    assert_int_equal(ProgIDFromCLSID(&CLSID_First, NULL), E_INVALIDARG);
    assert_int_equal(ProgIDFromCLSID(NULL, &progid), E_INVALIDARG);
    assert_null(progid);
}

static void test_missing_registry_is_empty(void **state)
{
    fixture *f = *state;
    ccw_registry_entry *entries = (ccw_registry_entry *)(uintptr_t)1;
    size_t count = 99;
    CLSID clsid;
    HRESULT hr;

    assert_int_equal(ccw_registry_list(&entries, &count), S_OK);
    assert_null(entries);
    assert_int_equal(count, 0);
    assert_int_equal(clsid_from_progid("CcwTest.First.1", &clsid), CO_E_CLASSSTRING);
    assert_null(progid_from_clsid(&CLSID_First, &hr));
    assert_int_equal(hr, REGDB_E_CLASSNOTREG);
    assert_int_equal(ccw_registry_list(NULL, &count), E_POINTER);
    assert_int_equal(ccw_registry_list(&entries, NULL), E_POINTER);
    /* Reading never creates anything. */
    assert_null(fixture_read(f->registry));
}

/* ---- Corrupt files ------------------------------------------------------ */

static void test_corrupt_registry(void **state)
{
    static const struct {
        const char *text;
        const char *reason;
    } cases[] = {
        { "{ \"format\": 1, \"classes\": { ", "not valid JSON" },
        { "", "not valid JSON" },
        { "{ \"format\": 1, \"classes\": {} } trailing", "not valid JSON" },
        { "[]", "not a JSON object" },
        { "{ \"classes\": {} }", "\"format\" is missing" },
        { "{ \"format\": \"1\", \"classes\": {} }", "\"format\" is not a number" },
        { "{ \"format\": 2, \"classes\": {} }", "unsupported format 2" },
        { "{ \"format\": 1 }", "\"classes\" is missing" },
        { "{ \"format\": 1, \"classes\": [] }", "\"classes\" is not an object" },
        { "{ \"format\": 1, \"classes\": { \"Vendor.Name\": {} } }", "not a CLSID" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": 5 } }",
          "is not an object" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"threading\": \"both\" } } }",
          "\"path\" is not a non-empty string" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"path\": 7, \"threading\": \"both\" } } }",
          "\"path\" is not a non-empty string" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"path\": \"/x.so\", \"threading\": \"sometimes\" } } }",
          "\"threading\" is not one of" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"path\": \"/x.so\", \"threading\": \"both\", \"progid\": 3 } } }",
          "\"progid\" is not a string" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"path\": \"/x.so\", \"threading\": \"both\", \"version\": [] } } }",
          "\"version\" is not a string" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"path\": \"/x.so\", \"threading\": \"both\", \"progid\": \"1bad\" } } }",
          "not a valid ProgID" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"path\": \"/x.so\", \"threading\": \"both\" }, "
          "\"{3c2b1a00-7d6e-4f5a-8b9c-000000000001}\": "
          "{ \"path\": \"/y.so\", \"threading\": \"both\" } } }",
          "appears twice" },
        { "{ \"format\": 1, \"classes\": { \"" TEST_CLSID_TEXT("01") "\": "
          "{ \"path\": \"/x.so\", \"threading\": \"both\", \"progid\": \"A.B\" }, "
          "\"" TEST_CLSID_TEXT("02") "\": "
          "{ \"path\": \"/y.so\", \"threading\": \"both\", \"progid\": \"a.b\" } } }",
          "names both" },
    };
    fixture *f = *state;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        ccw_registry_entry *entries = NULL;
        size_t count = 0;
        CLSID clsid;
        HRESULT hr;
        char *after;

        fixture_write(f->registry, cases[i].text, 0644);
        SetErrorInfo(0, NULL);
        assert_int_equal(ccw_registry_list(&entries, &count), REGDB_E_READREGDB);
        assert_null(entries);
        fixture_assert_error(f->registry, cases[i].reason);
        assert_int_equal(clsid_from_progid("A.B", &clsid), REGDB_E_READREGDB);
        assert_null(progid_from_clsid(&CLSID_First, &hr));
        assert_int_equal(hr, REGDB_E_READREGDB);
        /* Never overwritten, whatever the update. */
        assert_int_equal(ccw_server_register(test_classes, 3, in_this_program),
                         REGDB_E_READREGDB);
        assert_int_equal(ccw_server_unregister(test_classes, 3, in_this_program),
                         REGDB_E_READREGDB);
        assert_int_equal(ccw_registry_remove("A.B"), REGDB_E_READREGDB);
        after = fixture_read(f->registry);
        assert_string_equal(after, cases[i].text);
        free(after);
    }
}

/*
 * Many classes: duplicates are still found, and reading stays fast. Each
 * class used to be compared with every one before it, which took about 50 s
 * for these 20000 on every lookup; sorting takes a fraction of a second
 * (a few seconds under valgrind).
 */
#define MANY_CLASSES 20000

/* Classes {00000001-…} … {00004E20-…} with ProgIDs Many.1 …; the last
 * one's ProgID is `last_progid`. */
static char *many_classes_text(const char *last_progid)
{
    size_t cap = (size_t)MANY_CLASSES * 128 + 256, len = 0;
    char *text = malloc(cap);
    char progid[32];
    int i;

    assert_non_null(text);
    len += (size_t)snprintf(text, cap, "{ \"format\": 1, \"classes\": {");
    for (i = 1; i <= MANY_CLASSES; i++) {
        snprintf(progid, sizeof(progid), "Many.%d", i);
        len += (size_t)snprintf(text + len, cap - len,
                                "%s\"{%08X-0000-4000-8000-000000000000}\": { \"path\": "
                                "\"/x.so\", \"threading\": \"both\", \"progid\": \"%s\" }",
                                i > 1 ? ", " : "", (unsigned)i,
                                i == MANY_CLASSES ? last_progid : progid);
    }
    snprintf(text + len, cap - len, " } }");
    return text;
}

static void test_many_classes(void **state)
{
    fixture *f = *state;
    ccw_registry_entry *entries = NULL;
    size_t count = 0;
    char *text = many_classes_text("Many.Last");
    clock_t start = clock();
    CLSID clsid;

    fixture_write(f->registry, text, 0600);
    assert_int_equal(ccw_registry_list(&entries, &count), S_OK);
    assert_int_equal(count, MANY_CLASSES);
    ccw_registry_list_free(entries, count);
    assert_int_equal(clsid_from_progid("many.last", &clsid), S_OK);
    assert_int_equal(clsid.Data1, MANY_CLASSES);
    assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 10.0);
    free(text);

    /* The last ProgID repeats the first, in another case. */
    text = many_classes_text("MANY.1");
    fixture_write(f->registry, text, 0600);
    SetErrorInfo(0, NULL);
    assert_int_equal(ccw_registry_list(&entries, &count), REGDB_E_READREGDB);
    fixture_assert_error(f->registry, "ProgID MANY.1 names both "
                         "{00000001-0000-4000-8000-000000000000} and "
                         "{00004E20-0000-4000-8000-000000000000}");
    free(text);
}

static void test_nul_byte_and_size(void **state)
{
    fixture *f = *state;
    ccw_registry_entry *entries;
    size_t count;
    FILE *file;
    size_t i;

    fixture_write(f->registry, "", 0644);
    file = fopen(f->registry, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite("{ \"format\": 1, \"classes\": {} }\0x", 1, 33, file), 33);
    fclose(file);
    assert_int_equal(ccw_registry_list(&entries, &count), REGDB_E_READREGDB);
    fixture_assert_error(f->registry, "NUL byte");

    /* Larger than 16 MiB: refused before parsing. */
    file = fopen(f->registry, "wb");
    assert_non_null(file);
    for (i = 0; i < 17 * 1024; i++) {
        static char block[1024];

        memset(block, ' ', sizeof(block));
        assert_int_equal(fwrite(block, 1, sizeof(block), file), sizeof(block));
    }
    fclose(file);
    assert_int_equal(ccw_registry_list(&entries, &count), REGDB_E_READREGDB);
    fixture_assert_error(f->registry, "larger than");
}

/* ---- Insecure files ----------------------------------------------------- */

static void assert_refused(const fixture *f, const char *who, const char *reason)
{
    ccw_registry_entry *entries = NULL;
    size_t count = 0;
    CLSID clsid;
    char *before = fixture_read(f->registry), *after;

    SetErrorInfo(0, NULL);
    assert_int_equal(ccw_registry_list(&entries, &count), E_ACCESSDENIED);
    assert_null(entries);
    fixture_assert_error(who, reason);
    assert_int_equal(clsid_from_progid("CcwTest.First.1", &clsid), E_ACCESSDENIED);
    assert_int_equal(ccw_server_register(test_classes, 3, in_this_program), E_ACCESSDENIED);
    fixture_assert_error(who, reason);
    after = fixture_read(f->registry);
    if (before)
        assert_string_equal(after, before);
    free(before);
    free(after);
}

static void test_insecure_file_modes(void **state)
{
    static const mode_t modes[] = { 0664, 0646, 0666, 0620 };
    fixture *f = *state;
    size_t i;

    register_test_classes();
    for (i = 0; i < sizeof(modes) / sizeof(*modes); i++) {
        assert_int_equal(chmod(f->registry, modes[i]), 0);
        assert_refused(f, f->registry, "writable by group or others");
    }
    assert_int_equal(chmod(f->registry, 0600), 0);
    assert_int_equal(registered_count(), 2);
}

static void test_insecure_directory_modes(void **state)
{
    static const mode_t modes[] = { 0775, 0757, 0777, 01777 };
    fixture *f = *state;
    char dir[PATH_MAX];
    size_t i;

    register_test_classes();
    snprintf(dir, sizeof(dir), "%s/reg", f->dir);
    for (i = 0; i < sizeof(modes) / sizeof(*modes); i++) {
        assert_int_equal(chmod(dir, modes[i]), 0);
        assert_refused(f, dir, "writable by group or others");
    }
    assert_int_equal(chmod(dir, 0755), 0);
    assert_int_equal(registered_count(), 2);

    /* An update checks the directory even when the file does not exist. */
    assert_int_equal(unlink(f->registry), 0);
    assert_int_equal(chmod(dir, 0777), 0);
    assert_int_equal(ccw_server_register(test_classes, 3, in_this_program), E_ACCESSDENIED);
    fixture_assert_error(dir, "writable by group or others");
    assert_null(fixture_read(f->registry));
}

static void test_symlink_and_special_files(void **state)
{
    fixture *f = *state;
    char target[PATH_MAX], dir[PATH_MAX];

    register_test_classes();
    snprintf(target, sizeof(target), "%s/reg/real.json", f->dir);
    assert_int_equal(rename(f->registry, target), 0);
    assert_int_equal(symlink(target, f->registry), 0);
    assert_refused(f, f->registry, "symbolic link");
    assert_int_equal(unlink(f->registry), 0);

    assert_int_equal(mkdir(f->registry, 0755), 0);
    assert_refused(f, f->registry, "not a regular file");
    assert_int_equal(rmdir(f->registry), 0);

    /* A directory in the way of the registry's directory. */
    snprintf(dir, sizeof(dir), "%s/plain", f->dir);
    fixture_write(dir, "", 0644);
    snprintf(target, sizeof(target), "%s/plain/sub/registry.json", f->dir);
    setenv("CCW_REGISTRY", target, 1);
    assert_int_equal(ccw_server_register(test_classes, 3, in_this_program), REGDB_E_WRITEREGDB);
    fixture_assert_error("registry directory", dir);
}

/* Owned by another user who is not root: needs root to arrange. */
static void test_foreign_owner(void **state)
{
    fixture *f = *state;
    struct passwd *nobody = getpwnam("nobody");
    char dir[PATH_MAX];

    if (geteuid() != 0) {
        /* Only root can give a file away; the case cannot be set up here. */
        print_message("skipped: files owned by another user need root to create\n");
        skip();
    }
    assert_non_null(nobody);
    assert_int_not_equal(nobody->pw_uid, 0);
    register_test_classes();
    assert_int_equal(chown(f->registry, nobody->pw_uid, nobody->pw_gid), 0);
    assert_refused(f, f->registry, "owned by another user");
    assert_int_equal(chown(f->registry, 0, 0), 0);

    snprintf(dir, sizeof(dir), "%s/reg", f->dir);
    assert_int_equal(chown(dir, nobody->pw_uid, nobody->pw_gid), 0);
    assert_refused(f, dir, "owned by another user");
    assert_int_equal(chown(dir, 0, 0), 0);
    assert_int_equal(registered_count(), 2);
}

/* ---- Components --------------------------------------------------------- */

static void test_check_component(void **state)
{
    fixture *f = *state;
    char path[PATH_MAX];

    assert_int_equal(ccw_registry_check_component(this_program), S_OK);
    assert_int_equal(ccw_registry_check_component("lib/component.so"), E_ACCESSDENIED);
    fixture_assert_error("lib/component.so", "not an absolute path");
    snprintf(path, sizeof(path), "%s/missing.so", f->dir);
    assert_int_equal(ccw_registry_check_component(path), CO_E_DLLNOTFOUND);
    fixture_assert_error(path, "No such file");
    assert_int_equal(ccw_registry_check_component(f->dir), E_ACCESSDENIED);
    fixture_assert_error(f->dir, "not a regular file");
    snprintf(path, sizeof(path), "%s/open.so", f->dir);
    fixture_copy(this_program, path, 0757);
    assert_int_equal(ccw_registry_check_component(path), E_ACCESSDENIED);
    fixture_assert_error(path, "writable by others");
    /* Group-writable is the owner's business, as for any library. */
    assert_int_equal(chmod(path, 0775), 0);
    assert_int_equal(ccw_registry_check_component(path), S_OK);
    assert_int_equal(ccw_registry_check_component(NULL), E_POINTER);
}

/* ---- Concurrent updates ------------------------------------------------- */

#define THREADS 16

typedef struct thread_job {
    CLSID clsid;
    char progid[32];
    ccw_class cls;
    HRESULT result;
} thread_job;

static void *register_one(void *arg)
{
    thread_job *job = arg;
    const ccw_class *classes[] = { &job->cls };

    job->result = ccw_server_register(classes, 1, in_this_program);
    return NULL;
}

static void test_concurrent_threads(void **state)
{
    thread_job jobs[THREADS];
    pthread_t threads[THREADS];
    size_t i;

    (void)state;
    for (i = 0; i < THREADS; i++) {
        const CLSID clsid = TEST_CLSID((unsigned char)(0x80 + i));

        jobs[i].clsid = clsid;
        snprintf(jobs[i].progid, sizeof(jobs[i].progid), "CcwTest.Thread%zu", i);
        jobs[i].cls = first_class;
        jobs[i].cls.clsid = &jobs[i].clsid;
        jobs[i].cls.progid = jobs[i].progid;
    }
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, register_one, &jobs[i]), 0);
    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        assert_int_equal(jobs[i].result, S_OK);
    }
    assert_int_equal(registered_count(), THREADS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_path_from_environment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_path_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lookup_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_register_writes_entries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_register_keeps_unknown_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progid_moves_to_the_new_class, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progid_is_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_register_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unregister, setup, teardown),
        cmocka_unit_test_setup_teardown(test_remove_by_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clsid_from_progid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progid_from_clsid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_registry_is_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_registry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_classes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_byte_and_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_insecure_file_modes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_insecure_directory_modes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_and_special_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_owner, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_component, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_threads, setup, teardown),
    };

    /* The component these tests register is this program. */
    if (!realpath("/proc/self/exe", this_program))
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
