/*
 * server.c - what registration does the same way on every platform: check
 * the classes a component passes, and raise failures with a message that
 * names the file and the reason.  The registry itself is written by
 * server_unix.c (the JSON registry) or server_windows.c (HKCR).
 */
#include "server.h"

#include <stdarg.h>
#include <stdio.h>

HRESULT server_fail(HRESULT hr, const char *fmt, ...)
{
    char text[CCW_ERROR_MESSAGE_MAX];
    va_list args;

    va_start(args, fmt);
    vsnprintf(text, sizeof(text), fmt, args);
    va_end(args);
    ccw_error_set_message("%s", text);
    return ccw_error_raise(hr, "ccw", NULL, NULL);
}

static bool is_letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

CCW_API bool ccw_progid_is_valid(const char *text)
{
    size_t i;

    if (!text || !is_letter(text[0]))
        return false;
    for (i = 1; text[i]; i++) {
        char c = text[i];
        bool word = is_letter(c) || (c >= '0' && c <= '9') || c == '_';

        if (i >= CCW_PROGID_MAX)
            return false;
        if (!word && !(c == '.' && text[i - 1] != '.' && text[i + 1] != '\0'))
            return false;
    }
    return true;
}

bool server_registers(const ccw_class *cls)
{
    return cls->construct && cls->progid;
}

HRESULT server_check_classes(const ccw_class *const *classes, size_t count,
                             const void *address_in_module, size_t *out_registered)
{
    size_t i, registered = 0;

    if (!classes || !address_in_module)
        return E_POINTER;
    for (i = 0; i < count; i++) {
        const ccw_class *cls = classes[i];
        const char *name;

        if (!cls)
            return E_POINTER;
        name = cls->name ? cls->name : "(unnamed)";
        if (!cls->clsid)
            return server_fail(E_INVALIDARG, "ccw: class %s has no CLSID", name);
        if (!server_registers(cls))
            continue;
        if (!ccw_progid_is_valid(cls->progid))
            return server_fail(E_INVALIDARG, "ccw: class %s: '%s' is not a valid ProgID", name,
                               cls->progid);
        if ((unsigned)cls->threading > CCW_THREADING_SERIALIZED)
            return server_fail(E_INVALIDARG, "ccw: class %s: threading model %d is unknown",
                               name, (int)cls->threading);
        registered++;
    }
    *out_registered = registered;
    return S_OK;
}
