/*
 * typemap.h - C types to COM and VARIANT types (DESIGN.md §5), by the size and
 * signedness the target gives them.
 */
#ifndef CCWGEN_TYPEMAP_H
#define CCWGEN_TYPEMAP_H

#include <stdbool.h>

#include "decls.h"
#include "model.h"

enum typemap_status {
	TYPEMAP_OK = 0,
	TYPEMAP_UNSUPPORTED = 1, /* no COM type for it */
	TYPEMAP_NO_MEMORY = -1,
};

/* Maps the C value type `type` (a parameter passed by value, the pointee of an
 * out parameter, a return type or a field) to its COM type. Pointers to
 * annotated structs become the class's default interface, so `model` must
 * already hold the classes and their default interfaces. `out` is set only on
 * TYPEMAP_OK; free it with typemap_type_free. */
enum typemap_status typemap_value(const struct c_type *type, const struct model *model,
				  struct model_type *out);

/* Maps a pointer that CCW_SIZE_IS describes: a pointer to bytes (void or a
 * 1-byte integer) is SAFEARRAY(BYTE); anything else is unsupported. */
enum typemap_status typemap_bytes(const struct c_type *pointer, struct model_type *out);

/* A CCW_OPTIONAL default, parsed once here so that the dispatch table carries
 * a typed value and the runtime parses nothing. */
struct typemap_default {
	enum {
		TYPEMAP_DEFAULT_ZERO,     /* "": zero, false or empty; also any VARIANT */
		TYPEMAP_DEFAULT_SIGNED,   /* value.i8: signed integers, enums, HRESULTs, bools (0/1) */
		TYPEMAP_DEFAULT_UNSIGNED, /* value.ui8 */
		TYPEMAP_DEFAULT_REAL,     /* value.r8: finite */
		TYPEMAP_DEFAULT_TEXT,     /* value.text: the annotation's own text */
	} form;
	union {
		long long i8;
		unsigned long long ui8;
		double r8;
		const char *text;
	} value;
};

/* Parses `text` as a CCW_OPTIONAL default for the type: an integer in range,
 * a finite number, true/false (or 1/0), any text for strings; "" always is
 * valid (zero). Returns false, leaving `out` alone, when it is not valid. */
bool typemap_default_parse(const struct model_type *type, const char *text,
			   struct typemap_default *out);

/* Whether typemap_default_parse accepts `text` for the type. */
bool typemap_default_is_valid(const struct model_type *type, const char *text);

void typemap_type_free(struct model_type *type);

#endif
