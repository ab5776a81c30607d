/*
 * model.h - the checked model every emitter reads: the type library, its
 * classes, their interfaces, the methods in slot order and their parameters.
 *
 * Everything an emitter needs is resolved here once — vtable slot, DISPID,
 * COM type, VARIANT type, direction, size_is, transfer, result convention — so
 * no emitter derives any of it again. Every node keeps the location of the
 * declaration (or sidecar entry) it came from.
 *
 * The model owns all of its strings and nodes; model_free releases them.
 */
#ifndef CCWGEN_MODEL_H
#define CCWGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"
#include "uuid.h"

/* VARIANT types used by the model (values as in <wtypes.h>). */
enum model_vartype {
	MODEL_VT_I2 = 2,
	MODEL_VT_I4 = 3,
	MODEL_VT_R4 = 4,
	MODEL_VT_R8 = 5,
	MODEL_VT_BSTR = 8,
	MODEL_VT_DISPATCH = 9,
	MODEL_VT_ERROR = 10,
	MODEL_VT_BOOL = 11,
	MODEL_VT_VARIANT = 12,
	MODEL_VT_UNKNOWN = 13,
	MODEL_VT_I1 = 16,
	MODEL_VT_UI1 = 17,
	MODEL_VT_UI2 = 18,
	MODEL_VT_UI4 = 19,
	MODEL_VT_I8 = 20,
	MODEL_VT_UI8 = 21,
	MODEL_VT_ARRAY = 0x2000,
};

/* What a value is on the COM side, and so how a thunk converts it. */
enum com_kind {
	COM_BOOL,      /* C bool <-> VARIANT_BOOL */
	COM_I1, COM_UI1, COM_I2, COM_UI2, COM_I4, COM_UI4, COM_I8, COM_UI8,
	COM_R4, COM_R8,
	COM_ENUM,      /* a C enum carried as LONG */
	COM_STRING,    /* C char * (UTF-8) <-> BSTR, converted */
	COM_BYTES,     /* C byte pointer + size_is length <-> SAFEARRAY(BYTE) */
	COM_OBJECT,    /* C pointer to an annotated struct <-> its default interface */
	COM_BSTR,      /* passed through: BSTR */
	COM_VARIANT,   /* passed through: VARIANT */
	COM_VARIANT_BOOL, /* passed through: VARIANT_BOOL */
	COM_HRESULT,   /* passed through: HRESULT (VT_ERROR in a VARIANT) */
	COM_UNKNOWN,   /* passed through: IUnknown * */
	COM_DISPATCH,  /* passed through: IDispatch * */
	COM_KIND_COUNT
};

struct model_class;

/* A value's type on both sides. */
struct model_type {
	enum com_kind kind;
	char *com_name;         /* "LONG", "BSTR", "SAFEARRAY(BYTE)", "ICounter *", ... */
	unsigned vt;            /* enum model_vartype, possibly | MODEL_VT_ARRAY */
	char *c_spelling;       /* the C value type, e.g. "long", "const char *", "struct counter *" */
	bool c_const;           /* COM_STRING/COM_BYTES/COM_OBJECT: the C pointee is const */
	unsigned c_size;        /* bytes of the C value type on the target */
	struct model_class *object_class; /* COM_OBJECT: the class */
};

enum param_direction { DIR_IN, DIR_OUT, DIR_INOUT, DIR_RETVAL };

enum transfer_kind { TRANSFER_NONE_APPLICABLE, TRANSFER_FULL, TRANSFER_NONE };

struct model_param {
	struct location where;
	char *name;           /* the C name ("result" for the C return value) */
	char *com_name;       /* the name in the header and IDL: `name`, renamed when it is a
			       * keyword or taken (naming_com_params) */
	int c_index;          /* position in the C call; -1 for the C return value */
	int com_index;        /* position in the COM signature; -1 when hidden (a size_is length) */
	enum param_direction direction;
	struct model_type type; /* the value type; out/inout/retval add one pointer level */
	char *c_spelling;     /* the C parameter's own type, e.g. "int *" */
	bool optional;
	char *default_value;  /* optional: the default's text ("" = zero/false/empty) */
	struct model_param *size_is;   /* COM_BYTES: the length parameter */
	struct model_param *length_of; /* a hidden length: the buffer it measures */
	enum transfer_kind transfer;   /* strings and objects going out */
};

enum method_kind { METHOD_PLAIN, METHOD_PROPGET, METHOD_PROPPUT };

enum result_convention {
	RESULT_VALUE,   /* the return is the value ([out, retval] unless void) */
	RESULT_ERRNO,   /* negative return = -errno */
	RESULT_MINUS1,  /* -1 return = failure, errno set */
	RESULT_BOOL,    /* false/0 return = failure, errno set */
	RESULT_NONNULL, /* NULL return = failure, errno set; otherwise the value */
	RESULT_HRESULT, /* the return is the HRESULT */
};

/* What the C return value becomes. */
enum return_role {
	RETURN_NONE,   /* void */
	RETURN_STATUS, /* only tells success or failure */
	RETURN_RETVAL, /* the method's [out, retval] (also the status for nonnull) */
};

struct model_interface;

struct model_method {
	struct location where;
	struct model_interface *iface;
	char *name;          /* COM name */
	enum method_kind kind;
	char *c_function;    /* the C function, or NULL for a field property */
	char *c_field;       /* CCW_PROPERTY: the struct field, else NULL */
	bool has_self;       /* the first C parameter is the object */
	bool self_const;
	unsigned slot;       /* vtable slot */
	int dispid;          /* DISPID (dual interfaces); 0 = DISPID_VALUE */
	bool hidden;
	char *help;          /* NULL when none */
	enum result_convention result;
	enum return_role return_role;
	char *c_return_spelling;      /* the C return type, "void" included */
	struct model_param *retval_from_return; /* RETURN_RETVAL: the pseudo-parameter */
	struct model_param *params;   /* C parameters after self, in C order */
	size_t param_count;
	struct model_param **com_params; /* the COM signature in order (retval last) */
	size_t com_param_count;
};

struct model_interface {
	struct location where;
	struct model_class *owner;
	char *name;
	struct uuid iid;
	bool iid_derived;  /* no iid= given: name-based */
	bool dual;         /* else custom (IUnknown-derived) */
	bool is_default;
	bool hidden;
	char *help;
	struct model_method **methods; /* slot order */
	size_t method_count;
};

enum threading_model {
	THREADING_BOTH,
	THREADING_FREE,
	THREADING_APARTMENT,
	THREADING_SERIALIZED,
};

struct model_class {
	struct location where;
	char *c_tag;         /* the struct tag */
	char *name;          /* coclass name */
	char *progid;        /* NULL when noncreatable without one */
	struct uuid clsid;
	bool clsid_derived;
	unsigned version_major, version_minor;
	char *help;
	bool noncreatable;
	bool hidden;
	enum threading_model threading;
	char *constructor;   /* C function, or NULL */
	char *destructor;    /* C function, or NULL */
	struct location constructor_where, destructor_where;
	struct model_interface **interfaces; /* declaration order */
	size_t interface_count;
	struct model_interface *default_interface;
};

struct model {
	char *name;          /* the library name (--name) */
	struct uuid libid;   /* derived from the name */
	unsigned version_major, version_minor;
	char **headers;      /* base names of the scanned headers, in order */
	size_t header_count;
	struct model_class **classes; /* declaration order */
	size_t class_count;
	struct name_index class_by_tag; /* positions in classes (model_find_class_by_tag) */
};

/* create/free pairs; create returns NULL on allocation failure. Strings
 * given to create functions are copied. */
struct model *model_create(const char *name);
void model_free(struct model *model);
struct model_class *model_add_class(struct model *model, const char *c_tag,
				    const struct location *where);
struct model_interface *model_class_add_interface(struct model_class *cls, const char *name,
						  const struct location *where);
/* Methods are created on their own and appended in slot order once known. */
struct model_method *model_method_create(const struct location *where);
void model_method_free(struct model_method *method);
int model_interface_append_method(struct model_interface *iface, struct model_method *method);
int model_add_header(struct model *model, const char *basename);

/* Lookups: case-sensitive for C names, case-insensitive for COM names. A
 * class is found by its tag in constant time. */
struct model_class *model_find_class_by_tag(const struct model *model, const char *c_tag);
struct model_interface *model_class_find_interface(const struct model_class *cls,
						   const char *name);

/* Typed accessors, for the fields that mean something for one kind of value
 * only: each asserts that kind (and that the check stage filled the field),
 * so an emitter that reaches for them on another kind stops at the assertion
 * instead of following a NULL pointer. */
/* The class of a COM_OBJECT value. */
struct model_class *model_type_object_class(const struct model_type *type);
/* The hidden length parameter of a COM_BYTES parameter (its CCW_SIZE_IS). */
const struct model_param *model_param_size_param(const struct model_param *param);

/* Names for the JSON and the emitters. */
const char *com_kind_name(enum com_kind kind);      /* "i4", "string", ... */
const char *vartype_name(unsigned vt);              /* "VT_I4", "VT_ARRAY|VT_UI1", ... */
const char *param_direction_name(enum param_direction direction);
const char *method_kind_name(enum method_kind kind);
const char *result_convention_name(enum result_convention result);
const char *return_role_name(enum return_role role);
const char *transfer_kind_name(enum transfer_kind transfer);
const char *threading_model_name(enum threading_model threading);

/* Parses the name of a result convention / transfer / threading model;
 * returns -1 when unknown. */
int result_convention_from_name(const char *name);
int transfer_kind_from_name(const char *name);
int threading_model_from_name(const char *name);

#endif
