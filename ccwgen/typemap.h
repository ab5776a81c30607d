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

/* Whether `text` is a valid CCW_OPTIONAL default for the type: an integer in
 * range, a number, true/false, any text for strings; "" always is (zero). */
bool typemap_default_is_valid(const struct model_type *type, const char *text);

void typemap_type_free(struct model_type *type);

#endif
