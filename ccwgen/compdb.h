/*
 * compdb.h - compiler flags for the headers from a build directory's
 * compile_commands.json (ccwgen -p BUILD_DIR).
 */
#ifndef CCWGEN_COMPDB_H
#define CCWGEN_COMPDB_H

#include <stddef.h>

#include "diag.h"

struct compdb_flags {
	char **args;
	size_t count;
};

/* Reads BUILD_DIR/compile_commands.json and keeps the flags that change how a
 * header parses (-I, -D, -U, -isystem, -iquote, -idirafter, -include, -std=,
 * --target/-target, -m*, -f[un]signed-char, -fshort-enums, -fshort-wchar) of
 * the entry for a source file in the same directory as `header`, else of the
 * first entry. Relative paths are made absolute against the entry's
 * "directory". Returns 0, or -1 with an error in diags. */
int compdb_load(const char *build_dir, const char *header, struct compdb_flags *out,
		struct diag_list *diags);
void compdb_flags_free(struct compdb_flags *flags);

/* Splits a shell command line ("command" entries): blanks separate words,
 * single and double quotes group, backslash escapes. Returns 0 or -1. */
int compdb_split_command(const char *command, struct compdb_flags *out);

#endif
