/*
 * dispatch_private.h - what dispatch.c shares with typeinfo.c inside libccw
 * (hidden: libccw exports only CCW_API functions).
 */
#ifndef CCW_DISPATCH_PRIVATE_H
#define CCW_DISPATCH_PRIVATE_H

#include <ccw/runtime.h>

/* The member answering a DISPID, or NULL. */
const ccw_dispatch_member *dispatch_find_member(const ccw_dispatch_table *table, DISPID dispid);

/* The value of an optional parameter the caller left out: the table's typed
 * default as a VARIANT of the parameter's type (a BSTR default is a new
 * string the caller frees).  Nothing is parsed, so the locale plays no part.
 * Returns DISP_E_OVERFLOW for a VT_R4 default out of a float's range,
 * DISP_E_TYPEMISMATCH for a type that has no default, E_OUTOFMEMORY. */
HRESULT dispatch_default_value(VARIANT *out, const ccw_dispatch_param *param);

#endif
