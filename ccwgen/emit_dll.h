/*
 * emit_dll.h - with --dll: NAME_dll.c, the four standard entry points of an
 * in-process COM server, and NAME.def, which exports them from a Windows
 * DLL.
 */
#ifndef CCWGEN_EMIT_DLL_H
#define CCWGEN_EMIT_DLL_H

#include "model.h"
#include "output.h"

/* Appends NAME_dll.c to `out`. */
void emit_dll_c(const struct model *model, struct buffer *out);

/* Appends NAME.def to `out`. */
void emit_dll_def(const struct model *model, struct buffer *out);

#endif
