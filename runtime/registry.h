/*
 * registry.h - libccw's internal interface to the JSON registry of
 * in-process servers (runtime/registry.c), shared by the registration code
 * (runtime/server_unix.c) and activation (runtime/compat/activation.c).
 * Not installed; off Windows only.
 */
#ifndef CCW_RUNTIME_REGISTRY_H
#define CCW_RUNTIME_REGISTRY_H

#include "server.h"

/* "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" and its terminator. */
#define REGISTRY_CLSID_TEXT_SIZE 39

/* A CLSID as the registry writes it. */
void registry_clsid_to_text(const CLSID *clsid, char text[REGISTRY_CLSID_TEXT_SIZE]);

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

/* The registry's name of a threading model; NULL for a value out of range. */
const char *registry_threading_name(ccw_threading threading);

/* A class to register (borrowed strings; progid, name and version may be
 * NULL). */
typedef struct registry_class {
    const CLSID *clsid;
    const char *progid;
    const char *name;
    const char *path; /* absolute, checked with registry_check_component */
    const char *threading;
    const char *version;
} registry_class;

/*
 * Add or replace these classes in the registry file that updates go to, in
 * one atomic update under its lock.
 */
HRESULT registry_add(const registry_class *classes, size_t count);

/*
 * Remove the classes with these CLSIDs whose entry names the component at
 * `path`, in one atomic update; the file is not written when nothing
 * matched.
 */
HRESULT registry_remove_component(const CLSID *const *clsids, size_t count, const char *path);

#endif /* CCW_RUNTIME_REGISTRY_H */
