/*
 * server_unix.c - DllRegisterServer/DllUnregisterServer's work off Windows:
 * find the component's absolute path from an address inside it and write
 * or remove its classes in the JSON registry (runtime/registry.c).
 */
#define _GNU_SOURCE /* dladdr and Dl_info are GNU extensions */

#include "registry.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The canonical absolute path of the shared object containing address
 * (dladdr gives the name it was loaded by, which may be relative). */
static HRESULT module_path(const void *address, char **out)
{
    Dl_info info;
    char *path;

    if (!dladdr(address, &info) || !info.dli_fname || !*info.dli_fname)
        return server_fail(HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND),
                             "ccw: address %p is in no loaded module", address);
    path = realpath(info.dli_fname, NULL);
    if (!path)
        return server_fail(errno == ENOENT ? CO_E_DLLNOTFOUND : E_FAIL, "component %s: %s",
                             info.dli_fname, strerror(errno));
    *out = path;
    return S_OK;
}

CCW_API HRESULT ccw_server_register(const ccw_class *const *classes, size_t count,
                                    const void *address_in_module)
{
    registry_class *entries = NULL;
    size_t creatable, i, n = 0;
    char *path = NULL;
    HRESULT hr;

    hr = server_check_classes(classes, count, address_in_module, &creatable);
    if (FAILED(hr) || creatable == 0)
        return hr;
    hr = module_path(address_in_module, &path);
    if (SUCCEEDED(hr))
        hr = registry_check_component(path, "");
    if (FAILED(hr))
        goto cleanup;
    entries = calloc(creatable, sizeof(*entries));
    if (!entries) {
        hr = server_fail(E_OUTOFMEMORY, "ccw: out of memory");
        goto cleanup;
    }
    for (i = 0; i < count; i++) {
        const ccw_class *cls = classes[i];

        if (!server_registers(cls))
            continue;
        entries[n].clsid = cls->clsid;
        entries[n].progid = cls->progid;
        entries[n].name = cls->name;
        entries[n].path = path;
        entries[n].threading = registry_threading_name(cls->threading);
        entries[n].version = cls->version;
        n++;
    }
    hr = registry_add(entries, n);

cleanup:
    free(entries);
    free(path);
    return hr;
}

CCW_API HRESULT ccw_server_unregister(const ccw_class *const *classes, size_t count,
                                      const void *address_in_module)
{
    const CLSID **clsids = NULL;
    size_t creatable, i;
    char *path = NULL;
    HRESULT hr;

    hr = server_check_classes(classes, count, address_in_module, &creatable);
    if (FAILED(hr) || count == 0)
        return hr;
    hr = module_path(address_in_module, &path);
    if (FAILED(hr))
        goto cleanup;
    clsids = calloc(count, sizeof(*clsids));
    if (!clsids) {
        hr = server_fail(E_OUTOFMEMORY, "ccw: out of memory");
        goto cleanup;
    }
    for (i = 0; i < count; i++)
        clsids[i] = classes[i]->clsid;
    hr = registry_remove_component(clsids, count, path);

cleanup:
    free(clsids);
    free(path);
    return hr;
}
