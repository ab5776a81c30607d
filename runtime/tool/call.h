/*
 * call.h - `ccw call` and `ccw describe`: a late-bound client on the
 * command line (call.c; docs/dispatch.md).
 */
#ifndef CCW_TOOL_CALL_H
#define CCW_TOOL_CALL_H

/* `ccw call [--library PATH.so] PROGID|{CLSID} [IFACE.]MEMBER [--put] [ARG|NAME:=ARG ...]
 * [--then [IFACE.]MEMBER ...]`: calls on one object, in order, each result
 * printed; the first failure ends them.  args is NULL-terminated.  Returns
 * the exit status: 0, 1 failure, 2 usage. */
int ccw_tool_call(char **args);

/* `ccw describe [--library PATH.so] PROGID|{CLSID}`. */
int ccw_tool_describe(char **args);

#endif
