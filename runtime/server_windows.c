/*
 * server_windows.c - DllRegisterServer/DllUnregisterServer's work on
 * Windows.  Per registered class:
 *
 *   HKCR\CLSID\{clsid}                 (default) = coclass name
 *   HKCR\CLSID\{clsid}\InprocServer32  (default) = the DLL's path,
 *                                      ThreadingModel = Both|Free|Apartment
 *   HKCR\CLSID\{clsid}\ProgID          (default) = ProgID
 *   HKCR\<ProgID>                      (default) = coclass name
 *   HKCR\<ProgID>\CLSID                (default) = {clsid}
 *
 * Unregistering deletes HKCR\CLSID\{clsid} and, when it still names this
 * CLSID, HKCR\<ProgID>: exactly what registering wrote.
 */
#include "server.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" and its terminator. */
#define CLSID_TEXT_SIZE 39
/* The key paths built here: "CLSID\{…}\InprocServer32" or a ProgID. */
#define KEY_PATH_SIZE 64

/* A serialized class registers as Apartment: COM then serializes its calls
 * on Windows as ccw does elsewhere. */
static const wchar_t *threading_model(ccw_threading threading)
{
    switch (threading) {
    case CCW_THREADING_FREE:
        return L"Free";
    case CCW_THREADING_APARTMENT:
    case CCW_THREADING_SERIALIZED:
        return L"Apartment";
    case CCW_THREADING_BOTH:
    default:
        return L"Both";
    }
}

static HRESULT win32_failure(LSTATUS status, const char *what)
{
    return server_fail(HRESULT_FROM_WIN32((DWORD)status), "registry key HKCR\\%s: error %ld",
                       what, (long)status);
}

/* UTF-8 to a NUL-terminated wide string in a fixed buffer. */
static HRESULT widen(const char *utf8, wchar_t *out, size_t cap)
{
    size_t len;
    HRESULT hr = ccw_utf8_to_utf16(utf8, CCW_NUL_TERMINATED, (OLECHAR *)out, cap - 1, &len);

    if (SUCCEEDED(hr))
        out[len] = L'\0';
    return hr;
}

/* The full path of the DLL containing address, in a malloc'ed buffer that
 * grows until the path fits (paths may exceed MAX_PATH). */
static HRESULT module_path(const void *address, wchar_t **out)
{
    HMODULE module;
    DWORD cap = MAX_PATH, len;
    wchar_t *path = NULL;

    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            (LPCWSTR)address, &module))
        return server_fail(HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND),
                           "ccw: address %p is in no loaded module", address);
    for (;;) {
        wchar_t *grown = realloc(path, cap * sizeof(wchar_t));

        if (!grown) {
            free(path);
            return server_fail(E_OUTOFMEMORY, "ccw: out of memory");
        }
        path = grown;
        len = GetModuleFileNameW(module, path, cap);
        if (len == 0) {
            DWORD error = GetLastError();

            free(path);
            return server_fail(HRESULT_FROM_WIN32(error), "ccw: GetModuleFileNameW: error %lu",
                               (unsigned long)error);
        }
        if (len < cap)
            break;
        cap *= 2;
    }
    *out = path;
    return S_OK;
}

/* Create HKCR\<path> and set its default value (and one named value). */
static HRESULT write_key(const wchar_t *path, const char *path_text, const wchar_t *value,
                         const wchar_t *name, const wchar_t *named_value)
{
    HKEY key;
    LSTATUS status;

    status = RegCreateKeyExW(HKEY_CLASSES_ROOT, path, 0, NULL, REG_OPTION_NON_VOLATILE,
                             KEY_SET_VALUE, NULL, &key, NULL);
    if (status != ERROR_SUCCESS)
        return win32_failure(status, path_text);
    if (value)
        status = RegSetValueExW(key, NULL, 0, REG_SZ, (const BYTE *)value,
                                (DWORD)((wcslen(value) + 1) * sizeof(wchar_t)));
    if (status == ERROR_SUCCESS && name)
        status = RegSetValueExW(key, name, 0, REG_SZ, (const BYTE *)named_value,
                                (DWORD)((wcslen(named_value) + 1) * sizeof(wchar_t)));
    RegCloseKey(key);
    return status == ERROR_SUCCESS ? S_OK : win32_failure(status, path_text);
}

static HRESULT register_class(const ccw_class *cls, const wchar_t *dll_path)
{
    wchar_t clsid[CLSID_TEXT_SIZE], key[KEY_PATH_SIZE], progid[CCW_PROGID_MAX + 1];
    wchar_t name[256];
    HRESULT hr;

    StringFromGUID2(cls->clsid, clsid, CLSID_TEXT_SIZE);
    hr = widen(cls->progid, progid, CCW_PROGID_MAX + 1);
    if (SUCCEEDED(hr))
        hr = widen(cls->name ? cls->name : cls->progid, name, 256);
    if (FAILED(hr))
        return server_fail(E_INVALIDARG, "ccw: class %s: name or ProgID too long", cls->progid);

    swprintf(key, KEY_PATH_SIZE, L"CLSID\\%ls", clsid);
    hr = write_key(key, "CLSID\\{...}", name, NULL, NULL);
    swprintf(key, KEY_PATH_SIZE, L"CLSID\\%ls\\InprocServer32", clsid);
    if (SUCCEEDED(hr))
        hr = write_key(key, "CLSID\\{...}\\InprocServer32", dll_path, L"ThreadingModel",
                       threading_model(cls->threading));
    swprintf(key, KEY_PATH_SIZE, L"CLSID\\%ls\\ProgID", clsid);
    if (SUCCEEDED(hr))
        hr = write_key(key, "CLSID\\{...}\\ProgID", progid, NULL, NULL);
    if (SUCCEEDED(hr))
        hr = write_key(progid, cls->progid, name, NULL, NULL);
    swprintf(key, KEY_PATH_SIZE, L"%ls\\CLSID", progid);
    if (SUCCEEDED(hr))
        hr = write_key(key, cls->progid, clsid, NULL, NULL);
    return hr;
}

/* Whether HKCR\<progid>\CLSID names this CLSID. */
static bool progid_names(const wchar_t *progid, const wchar_t *clsid)
{
    wchar_t key[KEY_PATH_SIZE], value[CLSID_TEXT_SIZE + 1];
    DWORD size = sizeof(value);

    swprintf(key, KEY_PATH_SIZE, L"%ls\\CLSID", progid);
    if (RegGetValueW(HKEY_CLASSES_ROOT, key, NULL, RRF_RT_REG_SZ, NULL, value, &size) !=
        ERROR_SUCCESS)
        return false;
    return _wcsicmp(value, clsid) == 0;
}

/* Delete HKCR\<path> with everything under it; a missing key is fine. */
static HRESULT delete_tree(const wchar_t *path, const char *path_text)
{
    LSTATUS status = RegDeleteTreeW(HKEY_CLASSES_ROOT, path);

    if (status == ERROR_SUCCESS || status == ERROR_FILE_NOT_FOUND)
        return S_OK;
    return win32_failure(status, path_text);
}

static HRESULT unregister_class(const ccw_class *cls)
{
    wchar_t clsid[CLSID_TEXT_SIZE], key[KEY_PATH_SIZE], progid[CCW_PROGID_MAX + 1];
    HRESULT hr = S_OK;

    StringFromGUID2(cls->clsid, clsid, CLSID_TEXT_SIZE);
    if (server_registers(cls) && SUCCEEDED(widen(cls->progid, progid, CCW_PROGID_MAX + 1)) &&
        progid_names(progid, clsid))
        hr = delete_tree(progid, cls->progid);
    swprintf(key, KEY_PATH_SIZE, L"CLSID\\%ls", clsid);
    if (SUCCEEDED(hr))
        hr = delete_tree(key, "CLSID\\{...}");
    return hr;
}

CCW_API HRESULT ccw_server_register(const ccw_class *const *classes, size_t count,
                                    const void *address_in_module)
{
    wchar_t *dll_path = NULL;
    size_t registered, i;
    HRESULT hr;

    hr = server_check_classes(classes, count, address_in_module, &registered);
    if (FAILED(hr) || registered == 0)
        return hr;
    hr = module_path(address_in_module, &dll_path);
    for (i = 0; SUCCEEDED(hr) && i < count; i++)
        if (server_registers(classes[i]))
            hr = register_class(classes[i], dll_path);
    free(dll_path);
    return hr;
}

CCW_API HRESULT ccw_server_unregister(const ccw_class *const *classes, size_t count,
                                      const void *address_in_module)
{
    size_t registered, i;
    HRESULT hr;

    hr = server_check_classes(classes, count, address_in_module, &registered);
    for (i = 0; SUCCEEDED(hr) && i < count; i++)
        hr = unregister_class(classes[i]);
    return hr;
}
