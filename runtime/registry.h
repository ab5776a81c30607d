/*
 * registry.h - libccw's internal interface to the JSON registry of
 * in-process servers (runtime/registry.c), shared by the registration code
 * (runtime/server_unix.c) and activation (runtime/compat/activation.c).
 * Not installed; off Windows only.
 */
#ifndef CCW_RUNTIME_REGISTRY_H
#define CCW_RUNTIME_REGISTRY_H

#include <ccw/runtime.h>

/* The Windows limit on a ProgID's length, in characters. */
#define REGISTRY_PROGID_MAX 39

/*
 * Raise a failure of activation or registration as this thread's
 * IErrorInfo (source "ccw"), with a printf-formatted description that names
 * the file concerned and the reason, and return hr.
 */
HRESULT registry_fail(HRESULT hr, const char *fmt, ...) CCW_PRINTF_FORMAT(2, 3);

/* Whether text is a ProgID: a letter, then letters, digits, '_' and single
 * dots, at most REGISTRY_PROGID_MAX characters (the generator's rule). */
bool registry_progid_is_valid(const char *text);

/*
 * Refuse a component file that must not be loaded: a relative path, a file
 * that is missing or not a regular file, or one that others can write.
 * `context` starts the message ("registry FILE: class {…}: " or "").
 * Returns S_OK, E_ACCESSDENIED or CO_E_DLLNOTFOUND (raised).
 */
HRESULT registry_check_component(const char *path, const char *context);

/*
 * Look a class up in the registry files, in order (ccw_registry_entry's
 * fields are set; free them with registry_entry_clear).  A ProgID matches
 * without regard to ASCII case; a versionless "Vendor.Name" that no class
 * has matches the highest "Vendor.Name.N" of the first file that has one.
 * Not found: REGDB_E_CLASSNOTREG for a CLSID, CO_E_CLASSSTRING for a ProgID
 * (not raised: both are ordinary answers).  A registry file that cannot be
 * read gives E_ACCESSDENIED or REGDB_E_READREGDB (raised).
 */
HRESULT registry_find_clsid(const CLSID *clsid, ccw_registry_entry *out);
HRESULT registry_find_progid(const char *progid, ccw_registry_entry *out);

/* Free an entry's strings and zero it. */
void registry_entry_clear(ccw_registry_entry *entry);

/*
 * Add or replace these classes in the registry file that updates go to, in
 * one atomic update under its lock.  Every entry needs an absolute path and
 * a threading name; the caller has checked the component.
 */
HRESULT registry_add(const ccw_registry_entry *entries, size_t count);

/*
 * Remove the classes with these CLSIDs whose entry names the component at
 * `path`, in one atomic update; the file is not written when nothing
 * matched.
 */
HRESULT registry_remove_component(const CLSID *const *clsids, size_t count, const char *path);

#endif /* CCW_RUNTIME_REGISTRY_H */
