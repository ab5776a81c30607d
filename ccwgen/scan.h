/*
 * scan.h - reads the headers with libclang into a decl_set: the structs and
 * functions they declare, their C types as the target lays them out, and
 * every `ccw:` annotation on them.
 */
#ifndef CCWGEN_SCAN_H
#define CCWGEN_SCAN_H

#include <stddef.h>

#include "decls.h"
#include "diag.h"

struct scan_options {
	const char *const *headers;     /* as given on the command line */
	size_t header_count;
	const char *const *clang_args;  /* compile_commands.json flags, then the user's */
	size_t clang_arg_count;
	const char *target;             /* --target, or NULL for the host */
	const char *resource_dir;       /* clang's builtin headers, or NULL */
	const char *include_dir;        /* appended as -I so <ccw/annotate.h> resolves, or NULL */
};

/* Parses each header as its own translation unit (clang's own errors and
 * warnings become diagnostics at their location) and adds the declarations
 * found in the header itself — not in the files it includes — to `out`,
 * plus every file clang read to out->dependencies.
 * Returns 0, or -1 when a header could not be parsed at all or clang
 * reported an error (the diagnostics say why). */
int scan_headers(const struct scan_options *options, struct decl_set *out,
		 struct diag_list *diags);

#endif
