/*
 * sidecar.h - the JSON form of the annotations (DESIGN.md §4), for a header
 * that must not change:
 *
 *   { "classes":   { "<struct tag>": { "class": "progid=…",
 *                                      "interfaces": ["IName iid=…"],
 *                                      "properties": { "<field>": "readonly" } } },
 *     "functions": { "<function>": { "method": "name=Pascal",
 *                                    "result": "errno", "transfer": "full",
 *                                    "params": { "<param>": "in size_is=len" } } } }
 *
 * A function's keys are the annotation kinds (constructor, destructor, method,
 * propget, propput, result, transfer, hidden), each with the option text the
 * macro would carry. A parameter's text holds the parameter annotations as
 * tokens: in, out, inout, retval, optional[=DEFAULT], size_is=PARAM,
 * transfer=KIND.
 */
#ifndef CCWGEN_SIDECAR_H
#define CCWGEN_SIDECAR_H

#include <stddef.h>

#include "decls.h"
#include "diag.h"

/* Adds the annotations of the sidecar `text` (named `path` in diagnostics) to
 * the scanned declarations. Wrong JSON, wrong JSON types and names the
 * headers do not declare are errors at their line:column in the sidecar.
 * Returns 0, or -1 when an error was reported. */
int sidecar_apply(const char *path, const char *text, size_t len, struct decl_set *decls,
		  struct diag_list *diags);

/* Reads the file at `path` and applies it as above; an unreadable file is an
 * error too. */
int sidecar_load(const char *path, struct decl_set *decls, struct diag_list *diags);

#endif
