/*
 * decls.h - what the scanner saw: the C declarations of the headers named on
 * the command line, their C types described without libclang, and the
 * annotations found on them (from the header's macros or from the sidecar).
 *
 * scan.c fills it from libclang, sidecar.c adds annotations to it, check.c
 * turns it into the model. Keeping libclang out of this description lets the
 * type mapping and the checks be tested without parsing C.
 */
#ifndef CCWGEN_DECLS_H
#define CCWGEN_DECLS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

/* The few COM types ccwgen passes through, recognised by their typedef name. */
enum c_passthrough {
	PASS_NONE,
	PASS_BSTR,
	PASS_VARIANT,
	PASS_VARIANT_BOOL,
	PASS_HRESULT,
	PASS_IUNKNOWN,  /* the IUnknown struct; used through a pointer */
	PASS_IDISPATCH, /* the IDispatch struct; used through a pointer */
};

enum c_type_kind {
	C_VOID,
	C_BOOL,
	C_INT,     /* any integer type, by size and signedness */
	C_FLOAT,   /* float, double, long double: by size */
	C_ENUM,
	C_POINTER,
	C_RECORD,  /* struct or union */
	C_OTHER,   /* arrays, function types, vectors, ...: never mapped */
};

/* A C type as the target compiler lays it out. */
struct c_type {
	enum c_type_kind kind;
	char *spelling;     /* as written in the declaration, e.g. "const char *" */
	unsigned size;      /* bytes on the target; 0 when incomplete */
	bool is_signed;     /* C_INT */
	bool is_const;      /* the type itself is const-qualified */
	bool is_char;       /* plain char (the string element), whatever its signedness */
	enum c_passthrough passthrough;
	char *record_tag;   /* C_RECORD: the struct tag, or NULL when anonymous */
	struct c_type *pointee; /* C_POINTER */
};

enum annotation_kind {
	ANN_CLASS,
	ANN_INTERFACE,
	ANN_CONSTRUCTOR,
	ANN_DESTRUCTOR,
	ANN_METHOD,
	ANN_PROPGET,
	ANN_PROPPUT,
	ANN_PROPERTY,
	ANN_IN,
	ANN_OUT,
	ANN_INOUT,
	ANN_RETVAL,
	ANN_OPTIONAL,
	ANN_SIZE_IS,
	ANN_RESULT,
	ANN_TRANSFER,
	ANN_HIDDEN,
	ANN_KIND_COUNT
};

/* One `ccw:<kind> <text>` annotation. `columns`, when not NULL, gives the
 * column (1-based, on where.line) of each byte of `text` and one past its
 * end, so errors inside the option text point at the offending byte. */
struct annotation {
	enum annotation_kind kind;
	char *text;
	struct location where;
	unsigned *columns;
	bool from_sidecar;
};

struct annotation_list {
	struct annotation *items;
	size_t count;
};

struct c_param {
	char *name; /* "" for an unnamed parameter */
	struct c_type type;
	struct location where;
	struct annotation_list annotations;
};

struct c_function {
	char *name;
	struct c_type result;
	struct c_param *params;
	size_t param_count;
	bool variadic;
	struct location where;
	struct annotation_list annotations;
	unsigned order; /* slot order: source order, sidecar entries after */
};

struct c_field {
	char *name;
	struct c_type type;
	struct location where;
	struct annotation_list annotations;
	unsigned order;
};

struct c_struct {
	char *tag;
	bool is_union;
	bool defined; /* the header gives its fields */
	struct c_field *fields;
	size_t field_count;
	struct location where;
	struct annotation_list annotations;
};

/* Everything scanned. Strings are owned; locations' file names point into
 * `files`, which lives as long as the set. */
struct decl_set {
	struct c_struct *structs;
	size_t struct_count;
	struct c_function *functions;
	size_t function_count;
	char **files; /* interned file names for locations */
	size_t file_count;
	char **dependencies; /* every file clang read, in order, for --depfile */
	size_t dependency_count;
	unsigned next_order;
	struct name_index struct_by_tag;     /* positions in structs */
	struct name_index function_by_name;  /* positions in functions */
};

void decl_set_init(struct decl_set *set);
void decl_set_free(struct decl_set *set);

/* Returns a stable copy of `name` for use in locations (one per distinct name),
 * or NULL on allocation failure. */
const char *decl_set_intern_file(struct decl_set *set, const char *name);

/* Appends a zero-filled struct / function named `tag` / `name`, which it
 * takes over (freed with the set) on success; returns NULL on allocation
 * failure, `tag` / `name` then still the caller's. A name must not be in the
 * set already (look it up first). */
struct c_struct *decl_set_add_struct(struct decl_set *set, char *tag);
struct c_function *decl_set_add_function(struct decl_set *set, char *name);
/* Appends a dependency unless already listed; -1 on allocation failure. */
int decl_set_add_dependency(struct decl_set *set, const char *path);

/* Lookups by name, in constant time; NULL when not declared. */
struct c_struct *decl_set_find_struct(const struct decl_set *set, const char *tag);
struct c_function *decl_set_find_function(const struct decl_set *set, const char *name);
struct c_param *c_function_find_param(const struct c_function *fn, const char *name);
struct c_field *c_struct_find_field(const struct c_struct *st, const char *name);

/* Appends an annotation (text copied, columns taken over: freed with the
 * list). Returns NULL on allocation failure (columns are then freed). */
struct annotation *annotation_list_add(struct annotation_list *list, enum annotation_kind kind,
				       const char *text, const struct location *where,
				       unsigned *columns);
void annotation_list_free(struct annotation_list *list);

/* The location of byte `offset` of an annotation's text. */
struct location annotation_location_at(const struct annotation *ann, size_t offset);

/* `ccw:<kind>` names: "class", "interface", ... ; kind from name, -1 if unknown. */
const char *annotation_kind_name(enum annotation_kind kind);
int annotation_kind_from_name(const char *name, size_t len);
/* The macro that writes an annotation: "CCW_CLASS", ... */
const char *annotation_macro_name(enum annotation_kind kind);

void c_type_free(struct c_type *type);
/* Deep copy; returns -1 on allocation failure (out left zeroed). */
int c_type_copy(struct c_type *out, const struct c_type *type);

#endif
