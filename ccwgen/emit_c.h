/*
 * emit_c.h - NAME_ccw.c: the implementation of the component (wrapper
 * structs, one thunk per method, vtables, QueryInterface tables, classes,
 * class factories), with the IDispatch half of dual interfaces from
 * emit_dispatch.h.
 */
#ifndef CCWGEN_EMIT_C_H
#define CCWGEN_EMIT_C_H

#include "model.h"
#include "output.h"

/* Appends NAME_ccw.c to `out`. Returns 0, or -1 when no QueryInterface table
 * could be built for a class (the runtime refused its IIDs; *error then
 * names the class, statically allocated text). */
int emit_c(const struct model *model, struct buffer *out, const char **error);

#endif
