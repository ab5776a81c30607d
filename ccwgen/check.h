/*
 * check.h - builds the model from the scanned declarations and their
 * annotations, checking everything on the way. Every problem is reported to
 * the diagnostics list; checking goes on after an error so that one run shows
 * them all.
 */
#ifndef CCWGEN_CHECK_H
#define CCWGEN_CHECK_H

#include <stdbool.h>

#include "decls.h"
#include "diag.h"
#include "model.h"

struct check_options {
	const char *name;     /* the library name */
	bool strict_guids;    /* a missing GUID is an error, not a warning */
};

/* Returns the model (complete only when diags has no errors), or NULL when
 * memory ran out. The caller frees it with model_free. */
struct model *check_build_model(const struct decl_set *decls, const struct check_options *options,
				struct diag_list *diags);

#endif
