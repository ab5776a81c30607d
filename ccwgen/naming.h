/*
 * naming.h - the naming defaults of DESIGN.md §4: coclass, interface and
 * method names derived from C names, and the checks on names given.
 */
#ifndef CCWGEN_NAMING_H
#define CCWGEN_NAMING_H

#include <stdbool.h>

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

/* A ProgID as COM accepts it: at most 39 characters, starting with a letter,
 * letters, digits and dots only (and not ending with a dot). */
bool naming_is_progid(const char *progid);

#endif
