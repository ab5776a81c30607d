/*
 * emit_idl.h - NAME.idl: the interfaces, coclasses and library block in
 * MIDL/widl syntax, from which `widl -t` (or midl) builds the type library.
 */
#ifndef CCWGEN_EMIT_IDL_H
#define CCWGEN_EMIT_IDL_H

#include "model.h"
#include "output.h"

/* Appends the IDL to `out`. */
void emit_idl(const struct model *model, struct buffer *out);

#endif
