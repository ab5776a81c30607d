/*
 * server.h - libccw's internal interface shared by the registration code of
 * every platform (runtime/server.c): argument checks and the way failures
 * are raised.  Not installed.
 */
#ifndef CCW_RUNTIME_SERVER_H
#define CCW_RUNTIME_SERVER_H

#include <ccw/runtime.h>

/*
 * Raise a failure of activation or registration as this thread's
 * IErrorInfo (source "ccw"), with a printf-formatted description that names
 * the file concerned and the reason, and return hr.
 */
HRESULT server_fail(HRESULT hr, const char *fmt, ...) CCW_PRINTF_FORMAT(2, 3);

/* Whether registration writes the class: it has a constructor and a ProgID. */
bool server_registers(const ccw_class *cls);

/*
 * The argument checks of ccw_server_register and ccw_server_unregister:
 * E_POINTER for NULL classes, a NULL entry or a NULL address; E_INVALIDARG
 * (raised) for a class without a CLSID, or a registered class with an
 * invalid ProgID or threading model.  *out_registered counts the classes
 * that server_registers.
 */
HRESULT server_check_classes(const ccw_class *const *classes, size_t count,
                             const void *address_in_module, size_t *out_registered);

#endif /* CCW_RUNTIME_SERVER_H */
