/*
 * dispatch_private.h - what dispatch.c shares with typeinfo.c inside libccw
 * (hidden: libccw exports only CCW_API functions).
 */
#ifndef CCW_DISPATCH_PRIVATE_H
#define CCW_DISPATCH_PRIVATE_H

#include <ccw/runtime.h>

/* The member answering a DISPID, or NULL. */
const ccw_dispatch_member *dispatch_find_member(const ccw_dispatch_table *table, DISPID dispid);

/* The value of an optional parameter the caller left out: its default text
 * converted to its type.  Returns DISP_E_TYPEMISMATCH for a default that
 * does not parse. */
HRESULT dispatch_default_value(VARIANT *out, const ccw_dispatch_param *param, LCID lcid);

#endif
