/*
 * emit_h.h - NAME_ccw.h: the GUIDs, the interfaces (C vtables with their
 * call macros, and C++ abstract classes), and the functions of the
 * generated component, for the component itself and for C and C++ clients.
 */
#ifndef CCWGEN_EMIT_H_H
#define CCWGEN_EMIT_H_H

#include "model.h"
#include "output.h"

/* Appends the header to `out` (docs/generated-code.md). */
void emit_h(const struct model *model, struct buffer *out);

#endif
