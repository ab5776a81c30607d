/*
 * naming.h - the naming defaults of DESIGN.md §4: coclass, interface and
 * method names derived from C names, and the checks on names given.
 */
#ifndef CCWGEN_NAMING_H
#define CCWGEN_NAMING_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* `my_counter` -> `MyCounter`: each '_'-separated word capitalised, the rest
 * of each word kept. malloc'd; NULL on allocation failure. */
char *naming_pascal_case(const char *c_name);

/* A method's default COM name: the function name without the `<tag>_`
 * prefix, and for property accessors without a following `get_`/`set_`/
 * `put_`, in PascalCase (`counter_get_total` -> `Total`). */
char *naming_method_name(const char *function, const char *tag, enum method_kind kind);

/* `I` + the coclass name. */
char *naming_default_interface(const char *coclass);

/* A C/COM identifier: [A-Za-z_][A-Za-z0-9_]*. */
bool naming_is_identifier(const char *name);

/* Whether a C parameter name starts with `ccw_` or `CCW_`, the prefixes of
 * the names ccwgen gives its own locals, helpers and macros. */
bool naming_is_reserved_param(const char *name);

/* Whether `name` cannot be a parameter name in the generated header or IDL
 * as it is: a keyword of C, C++ or IDL (MIDL, widl), a macro the Windows COM
 * headers define (`interface`, `small`, `IN`, ...), `This` or `lpVtbl`. */
bool naming_is_keyword(const char *name);

/*
 * The names of one COM signature's parameters in the header and the IDL:
 * each C name, with '_' appended while it is a keyword (above), the vtable
 * member `member` (the call macros' bodies name it), the C name of a later
 * parameter, or the new name of an earlier one. So `in` becomes `in_`, and
 * `new` before `new_` becomes `new__`. With `last_is_made_up` the last name
 * is not a C parameter's (the C return value's "result"), so it yields to
 * the others. `out[i]` is malloc'd for each of the `count` names; returns 0,
 * or -1 (nothing left allocated) when memory ran out.
 */
int naming_com_params(const char *const *c_names, size_t count, bool last_is_made_up,
		      const char *member, char **out);

#endif
