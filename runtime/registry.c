/*
 * registry.c - the JSON registry of in-process servers off Windows: where
 * its files are, reading them with the security checks, lookups, and
 * atomic updates under a lock (docs/activation.md).
 *
 * A file holds
 *     { "format": 1,
 *       "classes": { "{CLSID}": { "progid": "Vendor.Name", "name": "Name",
 *                                 "path": "/abs/libx.so", "threading": "both",
 *                                 "version": "1.0" }, ... } }
 * Keys this version does not know are kept when the file is rewritten, so
 * that an older ccw never drops what a newer one wrote.
 *
 * Writers serialize on an exclusive flock of "FILE.lock" (never deleted:
 * deleting a lock file lets two writers lock different files), read the
 * file, write the new text to a temporary file in the same directory, fsync
 * it and rename it over the old one.  Readers take no lock: they see the old
 * file or the new one, never a mix.
 */
#include "registry.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define REGISTRY_FORMAT 1
#define SYSTEM_REGISTRY "/etc/ccw/registry.json"
#define USER_REGISTRY_UNDER_DATA_HOME "/ccw/registry.json"
/* Far above any real registry; a larger file is refused rather than read. */
#define REGISTRY_MAX_BYTES (16u * 1024u * 1024u)
#define CLSID_TEXT_LEN (REGISTRY_CLSID_TEXT_SIZE - 1)

/* Indexed by ccw_threading. */
static const char *const threading_names[] = { "both", "free", "apartment", "serialized" };

/* ---- Errors and small helpers ------------------------------------------ */

static HRESULT out_of_memory(void)
{
    return server_fail(E_OUTOFMEMORY, "ccw: out of memory");
}

/* A malloc'ed printf; NULL when out of memory. */
static char *format_string(const char *fmt, ...) CCW_PRINTF_FORMAT(1, 2);
static char *format_string(const char *fmt, ...)
{
    va_list args;
    int len;
    char *text;

    va_start(args, fmt);
    len = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (len < 0)
        return NULL;
    text = malloc((size_t)len + 1);
    if (!text)
        return NULL;
    va_start(args, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, args);
    va_end(args);
    return text;
}

static char *copy_string(const char *text)
{
    size_t size;
    char *copy;

    if (!text)
        return NULL;
    size = strlen(text) + 1;
    copy = malloc(size);
    if (copy)
        memcpy(copy, text, size);
    return copy;
}

/* The directory part of an absolute path ("/" for "/x"). */
static char *path_directory(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t len = slash && slash != path ? (size_t)(slash - path) : 1;
    char *dir = malloc(len + 1);

    if (!dir)
        return NULL;
    memcpy(dir, path, len);
    dir[len] = '\0';
    return dir;
}

static bool is_absolute(const char *path)
{
    return path[0] == '/';
}

void registry_clsid_to_text(const CLSID *clsid, char text[REGISTRY_CLSID_TEXT_SIZE])
{
    OLECHAR wide[CLSID_TEXT_LEN + 1];
    int i;

    StringFromGUID2(clsid, wide, CLSID_TEXT_LEN + 1);
    for (i = 0; i <= CLSID_TEXT_LEN; i++)
        text[i] = (char)wide[i];
}

/* Parses "{XXXXXXXX-...}" only (IIDFromString: never a ProgID lookup). */
static bool clsid_from_text(const char *text, CLSID *out)
{
    OLECHAR wide[CLSID_TEXT_LEN + 1];
    size_t i;

    if (strlen(text) != CLSID_TEXT_LEN)
        return false;
    for (i = 0; i <= CLSID_TEXT_LEN; i++) {
        if ((unsigned char)text[i] > 0x7f)
            return false;
        wide[i] = (OLECHAR)text[i];
    }
    return text[0] == '{' && IIDFromString(wide, out) == S_OK;
}

const char *registry_threading_name(ccw_threading threading)
{
    if ((unsigned)threading >= sizeof(threading_names) / sizeof(*threading_names))
        return NULL;
    return threading_names[threading];
}

void registry_entry_clear(ccw_registry_entry *entry)
{
    free(entry->progid);
    free(entry->name);
    free(entry->path);
    free(entry->threading);
    free(entry->version);
    free(entry->registry);
    memset(entry, 0, sizeof(*entry));
}

/* ---- Where the files are ------------------------------------------------ */

typedef struct registry_files {
    char **paths;
    size_t count;
} registry_files;

static void registry_files_free(registry_files *files)
{
    size_t i;

    for (i = 0; i < files->count; i++)
        free(files->paths[i]);
    free(files->paths);
    files->paths = NULL;
    files->count = 0;
}

static HRESULT registry_files_add(registry_files *files, char *path)
{
    char **grown;

    if (!path)
        return out_of_memory();
    grown = realloc(files->paths, (files->count + 1) * sizeof(*grown));
    if (!grown) {
        free(path);
        return out_of_memory();
    }
    files->paths = grown;
    files->paths[files->count++] = path;
    return S_OK;
}

/* The user's file: $XDG_DATA_HOME (an absolute one; the XDG specification
 * says to ignore a relative one), else ~/.local/share. */
static HRESULT user_registry(char **out)
{
    const char *data_home = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    struct passwd entry, *found = NULL;
    char buffer[4096];

    if (data_home && is_absolute(data_home)) {
        *out = format_string("%s" USER_REGISTRY_UNDER_DATA_HOME, data_home);
        return *out ? S_OK : out_of_memory();
    }
    if (!home || !is_absolute(home)) {
        if (getpwuid_r(geteuid(), &entry, buffer, sizeof(buffer), &found) != 0 || !found ||
            !is_absolute(found->pw_dir))
            return server_fail(E_FAIL, "ccw: no home directory for the user registry "
                                         "(set $HOME, $XDG_DATA_HOME or $CCW_REGISTRY)");
        home = found->pw_dir;
    }
    *out = format_string("%s/.local/share" USER_REGISTRY_UNDER_DATA_HOME, home);
    return *out ? S_OK : out_of_memory();
}

static HRESULT registry_files_get(registry_files *out)
{
    const char *list = getenv("CCW_REGISTRY");
    registry_files files = { NULL, 0 };
    char *user = NULL;
    HRESULT hr = S_OK;

    if (list && *list) {
        const char *start = list;

        while (SUCCEEDED(hr) && *start) {
            size_t len = strcspn(start, ":");

            if (len > 0) {
                if (start[0] != '/') {
                    hr = server_fail(E_INVALIDARG, "$CCW_REGISTRY: '%.*s' is not an absolute path",
                                       (int)len, start);
                    break;
                }
                hr = registry_files_add(&files, format_string("%.*s", (int)len, start));
            }
            start += len + (start[len] == ':');
        }
    } else {
        hr = user_registry(&user);
        if (SUCCEEDED(hr))
            hr = registry_files_add(&files, user);
        if (SUCCEEDED(hr))
            hr = registry_files_add(&files, copy_string(SYSTEM_REGISTRY));
    }
    if (SUCCEEDED(hr) && files.count == 0)
        hr = server_fail(E_INVALIDARG, "$CCW_REGISTRY names no file");
    if (FAILED(hr)) {
        registry_files_free(&files);
        return hr;
    }
    *out = files;
    return S_OK;
}

CCW_API HRESULT ccw_registry_path(char **out)
{
    registry_files files;
    HRESULT hr;

    if (!out)
        return E_POINTER;
    hr = registry_files_get(&files);
    if (FAILED(hr))
        return hr;
    *out = files.paths[0];
    files.paths[0] = NULL;
    registry_files_free(&files);
    return S_OK;
}

/* ---- Security checks ---------------------------------------------------- */

/* Root and this user are the only owners trusted: anyone else could put a
 * component of theirs into this process. */
static HRESULT check_owner_and_mode(const char *what, const char *path, const struct stat *st)
{
    if (st->st_uid != 0 && st->st_uid != geteuid())
        return server_fail(E_ACCESSDENIED, "%s %s: refused: owned by another user (uid %lu)",
                             what, path, (unsigned long)st->st_uid);
    if (st->st_mode & (S_IWGRP | S_IWOTH))
        return server_fail(E_ACCESSDENIED,
                             "%s %s: refused: writable by group or others (mode %04lo)", what,
                             path, (unsigned long)(st->st_mode & 07777));
    return S_OK;
}

static HRESULT check_directory(const char *dir)
{
    struct stat st;

    if (stat(dir, &st) != 0)
        return server_fail(REGDB_E_READREGDB, "registry directory %s: %s", dir,
                             strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return server_fail(REGDB_E_READREGDB, "registry directory %s: not a directory", dir);
    return check_owner_and_mode("registry directory", dir, &st);
}

HRESULT registry_check_component(const char *path, const char *context)
{
    struct stat st;

    if (!is_absolute(path))
        return server_fail(E_ACCESSDENIED, "%scomponent '%s': refused: not an absolute path",
                             context, path);
    if (stat(path, &st) != 0)
        return server_fail(errno == ENOENT ? CO_E_DLLNOTFOUND : E_ACCESSDENIED,
                             "%scomponent %s: %s", context, path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return server_fail(E_ACCESSDENIED, "%scomponent %s: refused: not a regular file",
                             context, path);
    if (st.st_mode & S_IWOTH)
        return server_fail(E_ACCESSDENIED,
                             "%scomponent %s: refused: writable by others (mode %04lo)", context,
                             path, (unsigned long)(st.st_mode & 07777));
    return S_OK;
}

CCW_API HRESULT ccw_registry_check_component(const char *path)
{
    if (!path)
        return E_POINTER;
    return registry_check_component(path, "");
}

/* ---- Reading a file ----------------------------------------------------- */

static cJSON *empty_document(void)
{
    cJSON *doc = cJSON_CreateObject();

    if (doc && (!cJSON_AddNumberToObject(doc, "format", REGISTRY_FORMAT) ||
                !cJSON_AddObjectToObject(doc, "classes"))) {
        cJSON_Delete(doc);
        return NULL;
    }
    return doc;
}

static bool optional_string(const cJSON *object, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);

    return !item || cJSON_IsString(item) || cJSON_IsNull(item);
}

static const char *string_member(const cJSON *object, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);

    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static bool is_threading_name(const char *name)
{
    size_t i;

    for (i = 0; name && i < sizeof(threading_names) / sizeof(*threading_names); i++)
        if (strcmp(name, threading_names[i]) == 0)
            return true;
    return false;
}

/* One class entry: the types of its members. */
static HRESULT validate_class(const cJSON *item, const char *file)
{
    static const char *const optional[] = { "progid", "name", "version" };
    const char *path = string_member(item, "path");
    const char *progid;
    size_t i;

    if (!cJSON_IsObject(item))
        return server_fail(REGDB_E_READREGDB, "registry %s: corrupt: class %s is not an object",
                             file, item->string);
    if (!path || !*path)
        return server_fail(REGDB_E_READREGDB,
                             "registry %s: corrupt: class %s: \"path\" is not a non-empty string",
                             file, item->string);
    if (!is_threading_name(string_member(item, "threading")))
        return server_fail(REGDB_E_READREGDB,
                             "registry %s: corrupt: class %s: \"threading\" is not one of "
                             "\"both\", \"free\", \"apartment\", \"serialized\"",
                             file, item->string);
    for (i = 0; i < sizeof(optional) / sizeof(*optional); i++)
        if (!optional_string(item, optional[i]))
            return server_fail(REGDB_E_READREGDB,
                                 "registry %s: corrupt: class %s: \"%s\" is not a string", file,
                                 item->string, optional[i]);
    progid = string_member(item, "progid");
    if (progid && !ccw_progid_is_valid(progid))
        return server_fail(REGDB_E_READREGDB,
                             "registry %s: corrupt: class %s: \"%s\" is not a valid ProgID", file,
                             item->string, progid);
    return S_OK;
}

/*
 * Duplicates are found by sorting, not by comparing every pair: a registry
 * may hold thousands of classes, and every activation reads it (20000
 * classes took 50 s a lookup when each was compared with all before it).
 * first_clsid[i] / first_progid[i] is the position of the first class
 * before class i with its CLSID / ProgID (case-insensitively), or
 * NO_EARLIER; classes whose key does not parse take no part.
 */
#define NO_EARLIER ((size_t)-1)

typedef struct class_key {
    CLSID clsid;
    const char *progid;
    size_t position;
} class_key;

static int compare_position(const class_key *a, const class_key *b)
{
    return (a->position > b->position) - (a->position < b->position);
}

static int compare_clsid(const void *a, const void *b)
{
    int c = memcmp(&((const class_key *)a)->clsid, &((const class_key *)b)->clsid, sizeof(CLSID));

    return c ? c : compare_position(a, b);
}

static int compare_progid(const void *a, const void *b)
{
    int c = strcasecmp(((const class_key *)a)->progid, ((const class_key *)b)->progid);

    return c ? c : compare_position(a, b);
}

/* Sorted keys, equal ones in document order: each points at its run's first. */
static void mark_earlier(class_key *keys, size_t count, int (*compare)(const void *, const void *),
                         size_t *first)
{
    size_t i, run = 0;

    if (count == 0)
        return;
    qsort(keys, count, sizeof(*keys), compare);
    for (i = 1; i < count; i++) {
        class_key a = keys[run], b = keys[i];

        a.position = b.position = 0;
        if (compare(&a, &b) != 0)
            run = i;
        else
            first[keys[i].position] = keys[run].position;
    }
}

static HRESULT find_duplicates(const cJSON *classes, size_t count, size_t *first_clsid,
                               size_t *first_progid)
{
    class_key *keys = malloc((count ? count : 1) * sizeof(*keys));
    const cJSON *item;
    size_t i = 0, with_clsid = 0, with_progid = 0;

    if (!keys)
        return out_of_memory();
    cJSON_ArrayForEach(item, classes) {
        first_clsid[i] = first_progid[i] = NO_EARLIER;
        if (clsid_from_text(item->string, &keys[with_clsid].clsid))
            keys[with_clsid++].position = i;
        i++;
    }
    mark_earlier(keys, with_clsid, compare_clsid, first_clsid);
    i = 0;
    cJSON_ArrayForEach(item, classes) {
        const char *progid = cJSON_IsObject(item) ? string_member(item, "progid") : NULL;

        if (progid) {
            keys[with_progid].progid = progid;
            keys[with_progid++].position = i;
        }
        i++;
    }
    mark_earlier(keys, with_progid, compare_progid, first_progid);
    free(keys);
    return S_OK;
}

/* The whole document: its shape, and no CLSID or ProgID twice. Problems are
 * reported in document order, a duplicate with the first class it repeats. */
static HRESULT validate_document(const cJSON *doc, const char *file)
{
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(doc, "format");
    const cJSON *classes = cJSON_GetObjectItemCaseSensitive(doc, "classes");
    const cJSON *item;
    size_t *first_clsid = NULL, *first_progid = NULL;
    size_t count, i = 0;
    HRESULT hr;

    if (!cJSON_IsObject(doc))
        return server_fail(REGDB_E_READREGDB, "registry %s: corrupt: not a JSON object", file);
    if (!cJSON_IsNumber(format))
        return server_fail(REGDB_E_READREGDB, "registry %s: corrupt: \"format\" is %s", file,
                             format ? "not a number" : "missing");
    if (format->valuedouble != REGISTRY_FORMAT)
        return server_fail(REGDB_E_READREGDB,
                             "registry %s: unsupported format %g (this ccw reads format %d)",
                             file, format->valuedouble, REGISTRY_FORMAT);
    if (!cJSON_IsObject(classes))
        return server_fail(REGDB_E_READREGDB, "registry %s: corrupt: \"classes\" is %s", file,
                             classes ? "not an object" : "missing");
    count = (size_t)cJSON_GetArraySize(classes);
    first_clsid = malloc((count ? count : 1) * sizeof(*first_clsid));
    first_progid = malloc((count ? count : 1) * sizeof(*first_progid));
    hr = first_clsid && first_progid ? find_duplicates(classes, count, first_clsid, first_progid)
                                     : out_of_memory();
    if (FAILED(hr))
        goto cleanup;
    cJSON_ArrayForEach(item, classes) {
        CLSID clsid;

        if (!clsid_from_text(item->string, &clsid)) {
            hr = server_fail(REGDB_E_READREGDB,
                             "registry %s: corrupt: class key \"%s\" is not a CLSID in braces",
                             file, item->string);
            goto cleanup;
        }
        hr = validate_class(item, file);
        if (FAILED(hr))
            goto cleanup;
        if (first_clsid[i] != NO_EARLIER && first_clsid[i] <= first_progid[i]) {
            hr = server_fail(REGDB_E_READREGDB, "registry %s: corrupt: class %s appears twice",
                             file, item->string);
            goto cleanup;
        }
        if (first_progid[i] != NO_EARLIER) {
            hr = server_fail(REGDB_E_READREGDB,
                             "registry %s: corrupt: ProgID %s names both %s and %s", file,
                             string_member(item, "progid"),
                             cJSON_GetArrayItem(classes, (int)first_progid[i])->string,
                             item->string);
            goto cleanup;
        }
        i++;
    }

cleanup:
    free(first_clsid);
    free(first_progid);
    return hr;
}

static HRESULT read_all(int fd, const char *file, char **out, size_t *out_len)
{
    size_t len = 0, cap = 4096;
    char *text = malloc(cap + 1);

    if (!text)
        return out_of_memory();
    for (;;) {
        ssize_t got;

        if (len == cap) {
            char *grown;

            if (cap >= REGISTRY_MAX_BYTES) {
                free(text);
                return server_fail(REGDB_E_READREGDB,
                                     "registry %s: refused: larger than %u bytes", file,
                                     REGISTRY_MAX_BYTES);
            }
            cap *= 2;
            grown = realloc(text, cap + 1);
            if (!grown) {
                free(text);
                return out_of_memory();
            }
            text = grown;
        }
        got = read(fd, text + len, cap - len);
        if (got == 0)
            break;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            free(text);
            return server_fail(REGDB_E_READREGDB, "registry %s: %s", file, strerror(errno));
        }
        len += (size_t)got;
    }
    text[len] = '\0';
    *out = text;
    *out_len = len;
    return S_OK;
}

static HRESULT parse_document(const char *text, size_t len, const char *file, cJSON **out)
{
    const char *end = NULL;
    cJSON *doc;
    HRESULT hr;

    if (memchr(text, '\0', len))
        return server_fail(REGDB_E_READREGDB, "registry %s: corrupt: contains a NUL byte",
                             file);
    /* The terminator is part of the buffer, so that trailing garbage fails. */
    doc = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
    if (!doc)
        return server_fail(REGDB_E_READREGDB,
                             "registry %s: corrupt: not valid JSON (at byte %zu)", file,
                             end && end >= text ? (size_t)(end - text) : (size_t)0);
    hr = validate_document(doc, file);
    if (FAILED(hr)) {
        cJSON_Delete(doc);
        return hr;
    }
    *out = doc;
    return S_OK;
}

/*
 * Read and check one registry file.  A file that does not exist is an empty
 * registry; one that is a symbolic link, not a regular file, owned by
 * another user, or writable by group or others (or whose directory is) is
 * refused, as is one that is corrupt.
 */
static HRESULT registry_read(const char *file, cJSON **out)
{
    struct stat st;
    char *text = NULL, *dir = NULL;
    size_t len = 0;
    cJSON *doc = NULL;
    HRESULT hr;
    int fd;

    fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT) {
            doc = empty_document();
            if (!doc)
                return out_of_memory();
            *out = doc;
            return S_OK;
        }
        if (errno == ELOOP)
            return server_fail(E_ACCESSDENIED, "registry %s: refused: a symbolic link", file);
        return server_fail(errno == EACCES ? E_ACCESSDENIED : REGDB_E_READREGDB,
                             "registry %s: %s", file, strerror(errno));
    }
    if (fstat(fd, &st) != 0) {
        hr = server_fail(REGDB_E_READREGDB, "registry %s: %s", file, strerror(errno));
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        hr = server_fail(E_ACCESSDENIED, "registry %s: refused: not a regular file", file);
        goto cleanup;
    }
    hr = check_owner_and_mode("registry", file, &st);
    if (FAILED(hr))
        goto cleanup;
    dir = path_directory(file);
    if (!dir) {
        hr = out_of_memory();
        goto cleanup;
    }
    hr = check_directory(dir);
    if (FAILED(hr))
        goto cleanup;
    hr = read_all(fd, file, &text, &len);
    if (FAILED(hr))
        goto cleanup;
    hr = parse_document(text, len, file, &doc);
    if (FAILED(hr))
        goto cleanup;
    *out = doc;

cleanup:
    free(text);
    free(dir);
    close(fd);
    return hr;
}

/* ---- Lookups ------------------------------------------------------------ */

static HRESULT entry_from_json(const cJSON *item, const char *file, ccw_registry_entry *out)
{
    ccw_registry_entry entry;
    const char *progid = string_member(item, "progid");
    const char *name = string_member(item, "name");
    const char *version = string_member(item, "version");

    memset(&entry, 0, sizeof(entry));
    clsid_from_text(item->string, &entry.clsid);
    entry.progid = copy_string(progid);
    entry.name = copy_string(name);
    entry.path = copy_string(string_member(item, "path"));
    entry.threading = copy_string(string_member(item, "threading"));
    entry.version = copy_string(version);
    entry.registry = copy_string(file);
    if ((progid && !entry.progid) || (name && !entry.name) || !entry.path ||
        !entry.threading || (version && !entry.version) || !entry.registry) {
        registry_entry_clear(&entry);
        return out_of_memory();
    }
    *out = entry;
    return S_OK;
}

static cJSON *classes_of(const cJSON *doc)
{
    return cJSON_GetObjectItemCaseSensitive(doc, "classes");
}

static cJSON *find_by_clsid(const cJSON *classes, const CLSID *clsid)
{
    cJSON *item;

    cJSON_ArrayForEach(item, classes) {
        CLSID key;

        if (clsid_from_text(item->string, &key) && IsEqualGUID(&key, clsid))
            return item;
    }
    return NULL;
}

static cJSON *find_by_progid(const cJSON *classes, const char *progid)
{
    cJSON *item;

    cJSON_ArrayForEach(item, classes) {
        const char *other = string_member(item, "progid");

        if (other && strcasecmp(other, progid) == 0)
            return item;
    }
    return NULL;
}

/* Windows' CurVer in registry form: the "Vendor.Name.N" with the highest N
 * for a versionless "Vendor.Name". */
static cJSON *find_by_versionless_progid(const cJSON *classes, const char *progid)
{
    size_t len = strlen(progid);
    unsigned long best_version = 0;
    cJSON *item, *best = NULL;

    cJSON_ArrayForEach(item, classes) {
        const char *other = string_member(item, "progid");
        const char *digits;
        char *end;
        unsigned long version;

        if (!other || strncasecmp(other, progid, len) != 0 || other[len] != '.')
            continue;
        digits = other + len + 1;
        if (*digits < '0' || *digits > '9')
            continue;
        errno = 0;
        version = strtoul(digits, &end, 10);
        if (*end != '\0' || errno != 0)
            continue;
        if (!best || version > best_version) {
            best = item;
            best_version = version;
        }
    }
    return best;
}

typedef cJSON *(*class_finder)(const cJSON *classes, const void *key);

static cJSON *finder_clsid(const cJSON *classes, const void *key)
{
    return find_by_clsid(classes, key);
}

static cJSON *finder_progid(const cJSON *classes, const void *key)
{
    return find_by_progid(classes, key);
}

static cJSON *finder_versionless_progid(const cJSON *classes, const void *key)
{
    return find_by_versionless_progid(classes, key);
}

/* Try each finder over every file, in order; S_FALSE when none matched. */
static HRESULT registry_search(const class_finder *finders, size_t finder_count,
                               const void *key, ccw_registry_entry *out)
{
    registry_files files;
    cJSON **docs = NULL;
    size_t i, f;
    HRESULT hr;

    hr = registry_files_get(&files);
    if (FAILED(hr))
        return hr;
    docs = calloc(files.count, sizeof(*docs));
    if (!docs) {
        hr = out_of_memory();
        goto cleanup;
    }
    for (i = 0; i < files.count; i++) {
        hr = registry_read(files.paths[i], &docs[i]);
        if (FAILED(hr))
            goto cleanup;
    }
    hr = S_FALSE;
    for (f = 0; f < finder_count && hr == S_FALSE; f++) {
        for (i = 0; i < files.count; i++) {
            const cJSON *found = finders[f](classes_of(docs[i]), key);

            if (found) {
                hr = entry_from_json(found, files.paths[i], out);
                break;
            }
        }
    }

cleanup:
    for (i = 0; docs && i < files.count; i++)
        cJSON_Delete(docs[i]);
    free(docs);
    registry_files_free(&files);
    return hr;
}

HRESULT registry_find_clsid(const CLSID *clsid, ccw_registry_entry *out)
{
    static const class_finder finders[] = { finder_clsid };
    HRESULT hr = registry_search(finders, 1, clsid, out);

    return hr == S_FALSE ? REGDB_E_CLASSNOTREG : hr;
}

HRESULT registry_find_progid(const char *progid, ccw_registry_entry *out)
{
    static const class_finder finders[] = { finder_progid, finder_versionless_progid };
    HRESULT hr = registry_search(finders, 2, progid, out);

    return hr == S_FALSE ? CO_E_CLASSSTRING : hr;
}

CCW_API HRESULT ccw_registry_list(ccw_registry_entry **out, size_t *out_count)
{
    registry_files files;
    ccw_registry_entry *entries = NULL;
    size_t count = 0, i;
    cJSON *doc = NULL;
    HRESULT hr;

    if (!out || !out_count)
        return E_POINTER;
    hr = registry_files_get(&files);
    if (FAILED(hr))
        return hr;
    for (i = 0; i < files.count && SUCCEEDED(hr); i++) {
        const cJSON *item;
        ccw_registry_entry *grown;

        hr = registry_read(files.paths[i], &doc);
        if (FAILED(hr))
            break;
        grown = realloc(entries, (count + (size_t)cJSON_GetArraySize(classes_of(doc)) + 1) *
                                     sizeof(*entries));
        if (!grown) {
            hr = out_of_memory();
            break;
        }
        entries = grown;
        cJSON_ArrayForEach(item, classes_of(doc)) {
            hr = entry_from_json(item, files.paths[i], &entries[count]);
            if (FAILED(hr))
                break;
            count++;
        }
        cJSON_Delete(doc);
        doc = NULL;
    }
    cJSON_Delete(doc);
    registry_files_free(&files);
    if (FAILED(hr)) {
        ccw_registry_list_free(entries, count);
        return hr;
    }
    if (count == 0) {
        free(entries);
        entries = NULL;
    }
    *out = entries;
    *out_count = count;
    return S_OK;
}

CCW_API void ccw_registry_list_free(ccw_registry_entry *entries, size_t count)
{
    size_t i;

    for (i = 0; entries && i < count; i++)
        registry_entry_clear(&entries[i]);
    free(entries);
}

/* ---- Updates ------------------------------------------------------------ */

/* Create the missing directories of an absolute path. */
static HRESULT make_directories(const char *dir)
{
    char *partial = copy_string(dir);
    char *slash;
    HRESULT hr = S_OK;

    if (!partial)
        return out_of_memory();
    for (slash = strchr(partial + 1, '/');; slash = strchr(slash + 1, '/')) {
        if (slash)
            *slash = '\0';
        if (mkdir(partial, 0755) != 0 && errno != EEXIST) {
            hr = server_fail(REGDB_E_WRITEREGDB, "registry directory %s: %s", partial,
                               strerror(errno));
            break;
        }
        if (!slash)
            break;
        *slash = '/';
    }
    free(partial);
    return hr;
}

static HRESULT write_all(int fd, const char *text, size_t len, const char *file)
{
    while (len > 0) {
        ssize_t put = write(fd, text, len);

        if (put < 0) {
            if (errno == EINTR)
                continue;
            return server_fail(REGDB_E_WRITEREGDB, "registry %s: %s", file, strerror(errno));
        }
        text += put;
        len -= (size_t)put;
    }
    return S_OK;
}

/* Replace the file with the document: temporary file, fsync, rename. */
static HRESULT registry_write(const char *file, const char *dir, const cJSON *doc)
{
    const char *base = strrchr(file, '/') + 1;
    char *text = cJSON_Print(doc);
    char *temp = format_string("%s/.%s.XXXXXX", strcmp(dir, "/") == 0 ? "" : dir, base);
    HRESULT hr = S_OK;
    int fd = -1, dir_fd;

    if (!text || !temp) {
        hr = out_of_memory();
        goto cleanup;
    }
    fd = mkstemp(temp);
    if (fd < 0) {
        hr = server_fail(REGDB_E_WRITEREGDB, "registry %s: cannot create a temporary file: %s",
                           file, strerror(errno));
        goto cleanup;
    }
    if (fchmod(fd, 0644) != 0) {
        hr = server_fail(REGDB_E_WRITEREGDB, "registry %s: %s", file, strerror(errno));
        goto cleanup;
    }
    hr = write_all(fd, text, strlen(text), file);
    if (SUCCEEDED(hr))
        hr = write_all(fd, "\n", 1, file);
    if (FAILED(hr))
        goto cleanup;
    if (fsync(fd) != 0) {
        hr = server_fail(REGDB_E_WRITEREGDB, "registry %s: %s", file, strerror(errno));
        goto cleanup; /* cleanup closes fd */
    }
    if (close(fd) != 0) {
        fd = -1;
        hr = server_fail(REGDB_E_WRITEREGDB, "registry %s: %s", file, strerror(errno));
        goto cleanup;
    }
    fd = -1;
    if (rename(temp, file) != 0) {
        hr = server_fail(REGDB_E_WRITEREGDB, "registry %s: %s", file, strerror(errno));
        goto cleanup;
    }
    free(temp);
    temp = NULL;
    /* The new file is in place; syncing the directory only makes the rename
     * survive a crash, so its failure is not the update's. */
    dir_fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (dir_fd >= 0) {
        fsync(dir_fd);
        close(dir_fd);
    }

cleanup:
    if (fd >= 0)
        close(fd);
    if (temp && FAILED(hr))
        unlink(temp);
    free(temp);
    cJSON_free(text);
    return hr;
}

/* Take the writers' lock: an exclusive flock of FILE.lock. */
static HRESULT lock_registry(const char *file, int *out)
{
    char *lock = format_string("%s.lock", file);
    struct stat st;
    HRESULT hr = S_OK;
    int fd;

    if (!lock)
        return out_of_memory();
    fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    if (fd < 0) {
        hr = server_fail(errno == ELOOP || errno == EACCES ? E_ACCESSDENIED
                                                             : REGDB_E_WRITEREGDB,
                           "registry lock %s: %s", lock, strerror(errno));
        goto cleanup;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        hr = server_fail(E_ACCESSDENIED, "registry lock %s: refused: not a regular file", lock);
        goto cleanup;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            hr = server_fail(REGDB_E_WRITEREGDB, "registry lock %s: %s", lock, strerror(errno));
            goto cleanup;
        }
    }
    *out = fd;
    fd = -1;

cleanup:
    if (fd >= 0)
        close(fd);
    free(lock);
    return hr;
}

/* An edit of the "classes" object; sets *changed when it changed anything. */
typedef HRESULT (*registry_edit)(cJSON *classes, const char *file, const void *ctx,
                                 bool *changed);

static HRESULT registry_update(registry_edit edit, const void *ctx)
{
    registry_files files;
    char *dir = NULL;
    cJSON *doc = NULL;
    bool changed = false;
    int lock_fd = -1;
    HRESULT hr;

    hr = registry_files_get(&files);
    if (FAILED(hr))
        return hr;
    dir = path_directory(files.paths[0]);
    if (!dir) {
        hr = out_of_memory();
        goto cleanup;
    }
    hr = make_directories(dir);
    if (SUCCEEDED(hr))
        hr = check_directory(dir);
    if (SUCCEEDED(hr))
        hr = lock_registry(files.paths[0], &lock_fd);
    if (SUCCEEDED(hr))
        hr = registry_read(files.paths[0], &doc);
    if (SUCCEEDED(hr))
        hr = edit(classes_of(doc), files.paths[0], ctx, &changed);
    if (SUCCEEDED(hr) && changed)
        hr = registry_write(files.paths[0], dir, doc);

cleanup:
    if (lock_fd >= 0)
        close(lock_fd); /* releases the lock */
    cJSON_Delete(doc);
    free(dir);
    registry_files_free(&files);
    return hr;
}

static cJSON *class_to_json(const registry_class *entry)
{
    cJSON *item = cJSON_CreateObject();
    bool ok = item != NULL;

    if (ok && entry->progid)
        ok = cJSON_AddStringToObject(item, "progid", entry->progid) != NULL;
    if (ok && entry->name)
        ok = cJSON_AddStringToObject(item, "name", entry->name) != NULL;
    if (ok)
        ok = cJSON_AddStringToObject(item, "path", entry->path) != NULL;
    if (ok)
        ok = cJSON_AddStringToObject(item, "threading", entry->threading) != NULL;
    if (ok && entry->version)
        ok = cJSON_AddStringToObject(item, "version", entry->version) != NULL;
    if (!ok) {
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

typedef struct add_request {
    const registry_class *entries;
    size_t count;
} add_request;

static HRESULT edit_add(cJSON *classes, const char *file, const void *ctx, bool *changed)
{
    const add_request *request = ctx;
    size_t i;

    (void)file;
    for (i = 0; i < request->count; i++) {
        const registry_class *entry = &request->entries[i];
        char key[CLSID_TEXT_LEN + 1];
        cJSON *item = class_to_json(entry);
        cJSON *existing, *holder;

        if (!item)
            return out_of_memory();
        /* A ProgID names one class: whoever had it loses it. */
        while (entry->progid && (holder = find_by_progid(classes, entry->progid)) != NULL)
            cJSON_DeleteItemFromObjectCaseSensitive(holder, "progid");
        existing = find_by_clsid(classes, entry->clsid);
        if (existing) {
            snprintf(key, sizeof(key), "%s", existing->string);
            if (!cJSON_ReplaceItemInObjectCaseSensitive(classes, key, item)) {
                cJSON_Delete(item);
                return out_of_memory();
            }
        } else {
            registry_clsid_to_text(entry->clsid, key);
            if (!cJSON_AddItemToObject(classes, key, item)) {
                cJSON_Delete(item);
                return out_of_memory();
            }
        }
        *changed = true;
    }
    return S_OK;
}

HRESULT registry_add(const registry_class *classes, size_t count)
{
    add_request request = { classes, count };

    return registry_update(edit_add, &request);
}

typedef struct remove_component_request {
    const CLSID *const *clsids;
    size_t count;
    const char *path;
} remove_component_request;

static HRESULT edit_remove_component(cJSON *classes, const char *file, const void *ctx,
                                     bool *changed)
{
    const remove_component_request *request = ctx;
    size_t i;

    (void)file;
    for (i = 0; i < request->count; i++) {
        cJSON *item = find_by_clsid(classes, request->clsids[i]);
        const char *path = item ? string_member(item, "path") : NULL;

        if (path && strcmp(path, request->path) == 0) {
            cJSON_Delete(cJSON_DetachItemViaPointer(classes, item));
            *changed = true;
        }
    }
    return S_OK;
}

HRESULT registry_remove_component(const CLSID *const *clsids, size_t count, const char *path)
{
    remove_component_request request = { clsids, count, path };

    return registry_update(edit_remove_component, &request);
}

static HRESULT edit_remove_key(cJSON *classes, const char *file, const void *ctx, bool *changed)
{
    const char *key = ctx;
    CLSID clsid;
    cJSON *item;

    item = key[0] == '{' ? (clsid_from_text(key, &clsid) ? find_by_clsid(classes, &clsid) : NULL)
                         : find_by_progid(classes, key);
    if (!item)
        return server_fail(REGDB_E_CLASSNOTREG, "registry %s: class %s is not registered",
                             file, key);
    cJSON_Delete(cJSON_DetachItemViaPointer(classes, item));
    *changed = true;
    return S_OK;
}

CCW_API HRESULT ccw_registry_remove(const char *key)
{
    if (!key)
        return E_POINTER;
    return registry_update(edit_remove_key, key);
}
