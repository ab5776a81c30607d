/*
 * driver.h - the command line of DESIGN.md §8 and the run that ties the
 * stages together: scan -> sidecar -> check -> emit -> commit.
 */
#ifndef CCWGEN_DRIVER_H
#define CCWGEN_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

enum driver_action { ACTION_GENERATE, ACTION_HELP, ACTION_VERSION, ACTION_NEW_GUID };

/* Output kinds of --emit. */
enum emit_kind {
	EMIT_H = 1 << 0,
	EMIT_C = 1 << 1,
	EMIT_IDL = 1 << 2,
	EMIT_JSON = 1 << 3,
	EMIT_DLL = 1 << 4,
};

struct driver_options {
	enum driver_action action;
	const char *output_dir;   /* -o; "." by default */
	const char *name;         /* --name; NULL: from the first header */
	unsigned emit;            /* enum emit_kind bits */
	bool emit_given;          /* --emit or --dll was on the command line */
	const char *sidecar;
	const char *build_dir;    /* -p */
	const char *target;
	const char *depfile;
	bool check;
	bool strict_guids;
	enum diag_format diagnostics_format;
	const char **headers;     /* pointers into argv */
	size_t header_count;
	const char **clang_args;  /* after `--` */
	size_t clang_arg_count;
};

/* Parses argv. Returns 0, or 2 after printing a usage error to `err`.
 * Frees nothing on error: call driver_options_free either way. */
int driver_parse_args(int argc, char **argv, struct driver_options *out, FILE *err);
void driver_options_free(struct driver_options *options);

/* Runs what the options ask. Returns the exit status: 0 success, 1 errors in
 * the input (or --check found outputs that would change), 2 usage errors. */
int driver_run(const struct driver_options *options, FILE *out, FILE *err);

/* main(): parse, run, free. */
int driver_main(int argc, char **argv);

#endif
