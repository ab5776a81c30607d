/*
 * emit_c.c - NAME_ccw.c (docs/generated-code.md): the component itself.
 *
 * For each class: the wrapper struct (the runtime's object header, then one
 * vtable pointer per interface), one thunk per method that converts the COM
 * arguments to the C call and back, the vtables, the QueryInterface table
 * (laid out here, at generation time, with the runtime's own
 * ccw_qi_table_build so lookups are constant-time), the ccw_class and the
 * wrap/create functions. Then the component's class-object lookup.
 *
 * A thunk has a fixed anatomy, so that a reader can follow any of them:
 * check the out pointers; convert the inputs; call C; map its result
 * convention to an HRESULT; convert the outputs into temporaries and, only
 * when all of them succeeded, hand them to the caller; free what the
 * conversions made. Every failure raises IErrorInfo.
 */
#include "emit_c.h"

#include <ccw/runtime.h>

#include <stdlib.h>
#include <string.h>

#include "emit_common.h"
#include "emit_dispatch.h"

/* What the whole file needs to know while emitting one thunk. */
struct emitter {
	struct buffer *out;
	const struct model *model;
};

/* One thunk being written. */
struct thunk {
	struct buffer *out;
	const struct model *model;
	const struct model_class *cls;
	const struct model_interface *iface;
	const struct model_method *method;
	bool has_cleanup; /* failures set hr and jump to cleanup: */
	/* The thunk's own locals: "hr", "rc" and "self", or "ccw_hr", ... when
	 * a parameter has that name. */
	const char *hr, *rc, *self;
};

/* ---- Small spellings ---------------------------------------------------- */

static void lib(struct buffer *out, const struct model *model)
{
	emit_library_identifier(out, model, false);
}

static bool is_output(const struct model_param *param)
{
	return param->direction == DIR_OUT || param->direction == DIR_RETVAL ||
	       param->direction == DIR_INOUT;
}

/* COM types the C function takes as they are (BSTR, VARIANT, ...). */
static bool is_passthrough(enum com_kind kind)
{
	return kind >= COM_BSTR;
}

/* An in/out value the C function reads and replaces in place: it gets the
 * caller's own pointer, so ownership stays exactly as COM has it. */
static bool is_inout_passthrough(const struct model_param *param)
{
	return param->direction == DIR_INOUT && is_passthrough(param->type.kind);
}

/* A byte buffer the C function allocates and hands out (with its length). */
static bool is_bytes_output(const struct model_param *param)
{
	return param->type.kind == COM_BYTES &&
	       (param->direction == DIR_OUT || param->direction == DIR_RETVAL);
}

/* Outputs that hold a resource until handed to the caller. */
static bool output_holds_resource(const struct model_param *param)
{
	if (!is_output(param) || param->direction == DIR_INOUT)
		return false;
	switch (param->type.kind) {
	case COM_STRING: case COM_OBJECT: case COM_BYTES: case COM_BSTR: case COM_VARIANT:
	case COM_UNKNOWN: case COM_DISPATCH:
		return true;
	default:
		return false;
	}
}


static bool is_scalar(enum com_kind kind)
{
	return kind <= COM_ENUM || kind == COM_VARIANT_BOOL || kind == COM_HRESULT;
}

static bool call_can_fail(const struct model_method *method)
{
	return method->result != RESULT_VALUE;
}

/* Conventions where the C function reports failure through errno. */
static bool uses_errno(const struct model_method *method)
{
	return method->result == RESULT_MINUS1 || method->result == RESULT_BOOL ||
	       method->result == RESULT_NONNULL;
}

/* Conventions whose failures map an errno value to the HRESULT. */
static bool fails_with_errno(const struct model_method *method)
{
	return method->result == RESULT_ERRNO || uses_errno(method);
}

static bool has_self(const struct model_method *method)
{
	return method->has_self;
}

/* The C type as the library would write it: clang spells bool `_Bool`. */
static const char *c_spelling(const char *spelling)
{
	return strcmp(spelling, "_Bool") == 0 ? "bool" : spelling;
}

static const char *c_type(const struct model_type *type)
{
	return c_spelling(type->c_spelling);
}

static bool ends_with_star(const char *type)
{
	size_t len = strlen(type);

	return len && type[len - 1] == '*';
}

static void source(struct thunk *t)
{
	emit_error_source(t->out, t->model, t->cls);
}

/*
 * A failure, written after the `if (...)` its caller wrote (indented by
 * `indent`, no newline). Before anything is held it returns at once:
 *
 *	if (!result)
 *		return counter_ccw_fail(E_POINTER, ...);
 *
 * afterwards it records the HRESULT and jumps to the cleanup:
 *
 *	if (FAILED(...)) {
 *		hr = counter_ccw_fail(E_INVALIDARG, ...);
 *		goto cleanup;
 *	}
 *
 * open_failure writes up to `return ` or `hr = `, close_failure the rest.
 */
static void open_failure(struct thunk *t, const char *indent)
{
	buffer_printf(t->out, "%s\n%s\t", t->has_cleanup ? " {" : "", indent);
	if (t->has_cleanup)
		buffer_printf(t->out, "%s = ", t->hr);
	else
		buffer_puts(t->out, "return ");
}

static void close_failure(struct thunk *t, const char *indent)
{
	if (t->has_cleanup)
		buffer_printf(t->out, "%s\tgoto cleanup;\n%s}\n", indent, indent);
}

/* A failure the thunk itself detects: `fmt` (with one %s) describes it after
 * "IFace.Method: ". */
static void emit_failure(struct thunk *t, const char *indent, const char *hresult,
			 const char *fmt, const char *arg)
{
	struct buffer *out = t->out;

	open_failure(t, indent);
	lib(out, t->model);
	buffer_printf(out, "_ccw_fail(%s, ", hresult);
	source(t);
	buffer_printf(out, ", &IID_%s,\n%s\t\t\"%s.%s: ", t->iface->name, indent,
		      t->iface->name, t->method->name);
	buffer_printf(out, fmt, arg);
	buffer_puts(out, "\");\n");
	close_failure(t, indent);
}

/* ---- File-level helpers ------------------------------------------------- */

struct usage {
	bool fail;       /* any thunk can fail */
	bool fail_errno; /* minus1, bool or nonnull */
	bool bytes;      /* SAFEARRAY(BYTE) parameters in or in/out */
	bool bytes_out;  /* SAFEARRAY(BYTE) made from the library's bytes */
};

static struct usage scan_usage(const struct model *model)
{
	struct usage usage = { false, false, false, false };

	for (size_t c = 0; c < model->class_count; c++) {
		const struct model_class *cls = model->classes[c];

		for (size_t i = 0; i < cls->interface_count; i++) {
			const struct model_interface *iface = cls->interfaces[i];

			for (size_t m = 0; m < iface->method_count; m++) {
				const struct model_method *method = iface->methods[m];

				if (fails_with_errno(method))
					usage.fail_errno = true;
				for (size_t p = 0; p < method->com_param_count; p++) {
					const struct model_param *param = method->com_params[p];

					if (is_output(param) || param->type.kind == COM_STRING ||
					    param->type.kind == COM_OBJECT ||
					    param->type.kind == COM_BYTES)
						usage.fail = true;
					if (is_bytes_output(param))
						usage.bytes_out = true;
					else if (param->type.kind == COM_BYTES)
						usage.bytes = true;
				}
			}
		}
	}
	return usage;
}

static void emit_helpers(struct emitter *e, const struct usage *usage)
{
	struct buffer *out = e->out;

	if (usage->fail) {
		buffer_puts(out, "\n/* A call that fails in the thunk, before or after the C function: "
			    "a message the\n * library left pending belongs to some earlier call, so "
			    "it is dropped. */\nstatic HRESULT ");
		lib(out, e->model);
		buffer_puts(out, "_ccw_fail(HRESULT hr, const char *source, const IID *iid,\n"
			    "\t\tconst char *description)\n{\n"
			    "\tccw_error_clear();\n"
			    "\treturn ccw_error_raise(hr, source, iid, description);\n}\n");
	}
	if (usage->fail_errno) {
		buffer_puts(out, "\n/* A C function that reported failure and set errno (0 when it "
			    "did not say why). */\nstatic HRESULT ");
		lib(out, e->model);
		buffer_puts(out, "_ccw_fail_errno(int err, const char *source, const IID *iid)\n{\n"
			    "\tif (err <= 0)\n"
			    "\t\treturn ccw_error_raise(E_FAIL, source, iid,\n"
			    "\t\t\t\t       \"the call failed and did not set errno\");\n"
			    "\treturn ccw_error_raise_errno(err, source, iid);\n}\n");
	}
	if (usage->bytes) {
		buffer_puts(out, "\n/* The bytes of a SAFEARRAY(BYTE) argument; a NULL array is empty. "
			    "The call is\n * synchronous, so the caller's array stays put while C "
			    "reads it. */\nstatic HRESULT ");
		lib(out, e->model);
		buffer_puts(out, "_ccw_bytes(SAFEARRAY *array, void **data, ULONG *count)\n{\n"
			    "\tif (!array) {\n\t\t*data = NULL;\n\t\t*count = 0;\n\t\treturn S_OK;\n\t}\n"
			    "\tif (SafeArrayGetDim(array) != 1 || SafeArrayGetElemsize(array) != 1)\n"
			    "\t\treturn E_INVALIDARG;\n"
			    "\t*data = array->pvData;\n"
			    "\t*count = array->rgsabound[0].cElements;\n"
			    "\treturn S_OK;\n}\n");
	}
	if (usage->bytes_out) {
		buffer_puts(out, "\n/* A new SAFEARRAY(BYTE) holding a copy of the library's bytes "
			    "(NULL bytes: an\n * empty array); its elements are counted in a ULONG. "
			    "*/\nstatic HRESULT ");
		lib(out, e->model);
		buffer_puts(out, "_ccw_bytes_out(const void *data, ULONGLONG count, SAFEARRAY **out)\n"
			    "{\n\tSAFEARRAY *array;\n\n"
			    "\tif (count > 0xFFFFFFFFu)\n\t\treturn E_OUTOFMEMORY;\n"
			    "\tif (!data)\n\t\tcount = 0;\n"
			    "\tarray = SafeArrayCreateVector(VT_UI1, 0, (ULONG)count);\n"
			    "\tif (!array)\n\t\treturn E_OUTOFMEMORY;\n"
			    "\tif (count)\n\t\tmemcpy(array->pvData, data, (size_t)count);\n"
			    "\t*out = array;\n\treturn S_OK;\n}\n");
	}
}

/* ---- Wrapper structs and forward declarations ----------------------------- */

static void emit_wrapper(struct emitter *e, const struct model_class *cls)
{
	struct buffer *out = e->out;

	buffer_printf(out, "\n/* A %s: the runtime's header, then one vtable pointer per "
		      "interface. */\nstruct %s_ccw {\n\tccw_object header;\n", cls->name,
		      cls->c_tag);
	for (size_t i = 0; i < cls->interface_count; i++)
		buffer_printf(out, "\tconst %sVtbl *%s;\n", cls->interfaces[i]->name,
			      cls->interfaces[i]->name);
	buffer_puts(out, "};\n");
	for (size_t i = 0; i < cls->interface_count; i++) {
		const char *name = cls->interfaces[i]->name;

		buffer_printf(out, "\nstatic const %sVtbl %s_vtbl;\n", name, name);
		buffer_printf(out, "\nstatic ccw_object *%s_ccw_object(%s *This)\n{\n"
			      "\treturn CCW_OBJECT_FROM(This, struct %s_ccw, %s);\n}\n", name, name,
			      cls->c_tag, name);
	}
}

/* ---- Thunks ------------------------------------------------------------- */

static void emit_signature(struct thunk *t)
{
	struct buffer *out = t->out;
	const struct model_method *method = t->method;

	buffer_printf(out, "static HRESULT STDMETHODCALLTYPE %s_", t->iface->name);
	emit_vtbl_member(out, method);
	buffer_printf(out, "(%s *This", t->iface->name);
	for (size_t i = 0; i < method->com_param_count; i++) {
		buffer_puts(out, ", ");
		emit_com_param(out, method->com_params[i]);
	}
	buffer_puts(out, ")\n");
}

static void emit_comment(struct thunk *t)
{
	const struct model_method *method = t->method;
	static const char *const conventions[] = {
		[RESULT_VALUE] = "", [RESULT_ERRNO] = "; a negative return is -errno",
		[RESULT_MINUS1] = "; -1 means failure, errno says why",
		[RESULT_BOOL] = "; false means failure, errno says why",
		[RESULT_NONNULL] = "; NULL means failure, errno says why",
		[RESULT_HRESULT] = "; it returns the HRESULT",
	};

	buffer_printf(t->out, "\n/* %s::", t->iface->name);
	emit_vtbl_member(t->out, method);
	if (method->c_function)
		buffer_printf(t->out, " calls %s()%s. */\n", method->c_function,
			      conventions[method->result]);
	else
		buffer_printf(t->out, " %s the field %s. */\n",
			      method->kind == METHOD_PROPGET ? "reads" : "writes", method->c_field);
}

/* Declares the C-side local `c_NAME` of one parameter (or of the returned
 * value), and for strings and objects going out the COM-side `com_NAME`. */
static void emit_local(struct thunk *t, const struct model_param *param)
{
	struct buffer *out = t->out;
	const struct model_type *type = &param->type;
	const char *name = param->name;

	if (is_inout_passthrough(param))
		return;
	if (is_bytes_output(param)) {
		const struct model_type *length = &model_param_size_param(param)->type;

		buffer_printf(out, "\t%s%sc_%s = NULL;\n\t%s c_%s_count = 0;\n\tSAFEARRAY *com_%s = "
			      "NULL;\n", c_type(type), ends_with_star(c_type(type)) ? "" : " ", name,
			      c_type(length), name, name);
		return;
	}
	if (type->kind == COM_BYTES) {
		buffer_printf(out, "\tvoid *c_%s = NULL;\n\tULONG c_%s_count = 0;\n", name, name);
		return;
	}
	if (param->direction == DIR_IN) {
		if (type->kind == COM_STRING)
			/* A short string is converted on the stack, without malloc. */
			buffer_printf(out, "\tchar c_%s_buf[CCW_UTF8_BUF_SIZE];\n"
				      "\tchar *c_%s = NULL;\n", name, name);
		else if (type->kind == COM_OBJECT)
			buffer_printf(out, "\t%s%sc_%s = NULL;\n", type->c_spelling,
				      ends_with_star(type->c_spelling) ? "" : " ", name);
		return;
	}
	buffer_printf(out, "\t%s%sc_%s", c_type(type), ends_with_star(c_type(type)) ? "" : " ",
		      name);
	if (type->kind == COM_VARIANT)
		buffer_puts(out, ";\n"); /* VariantInit'd below */
	else if (is_scalar(type->kind))
		buffer_puts(out, " = 0;\n");
	else
		buffer_puts(out, " = NULL;\n");
	if (type->kind == COM_STRING)
		buffer_printf(out, "\tBSTR com_%s = NULL;\n", name);
	else if (type->kind == COM_OBJECT)
		buffer_printf(out, "\t%scom_%s = NULL;\n", type->com_name, name);
}

static void emit_locals(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;

	if (has_self(method))
		buffer_printf(out, "\tstruct %s *%s = %s_ccw_object(This)->c_object;\n",
			      t->cls->c_tag, t->self, t->iface->name);
	for (size_t i = 0; i < method->com_param_count; i++)
		emit_local(t, method->com_params[i]);
	if (method->return_role == RETURN_STATUS) {
		buffer_puts(out, "\t");
		emit_declaration(out, c_spelling(method->c_return_spelling), 0, t->rc);
		buffer_puts(out, ";\n");
	}
	if (t->has_cleanup || method->result == RESULT_HRESULT)
		buffer_printf(out, "\tHRESULT %s = S_OK;\n", t->hr);
	buffer_puts(out, "\n");
	if (!has_self(method))
		buffer_puts(out, "\t(void)This; /* a function of the class, not of an object */\n");
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		if (is_output(param) && param->type.kind == COM_VARIANT)
			buffer_printf(out, "\tVariantInit(&c_%s);\n", param->name);
	}
}

static void emit_pointer_checks(struct thunk *t)
{
	const struct model_method *method = t->method;
	bool cleanup = t->has_cleanup;

	/* Nothing is held yet: a NULL pointer returns at once. */
	t->has_cleanup = false;
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		if (!is_output(param))
			continue;
		buffer_printf(t->out, "\tif (!%s)", param->name);
		emit_failure(t, "\t", "E_POINTER", "'%s' is a NULL pointer", param->name);
	}
	t->has_cleanup = cleanup;
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		/* A pointer the caller frees must be NULL if the call fails. */
		if (!output_holds_resource(param))
			continue;
		if (param->type.kind == COM_VARIANT)
			buffer_printf(t->out, "\tVariantInit(%s);\n", param->name);
		else
			buffer_printf(t->out, "\t*%s = NULL;\n", param->name);
	}
}

/* `(int)n`, `*n != VARIANT_FALSE`: the COM scalar `prefix name` as the C
 * type. */
static void emit_scalar_to_c(struct buffer *out, const struct model_type *type,
			     const char *prefix, const char *name)
{
	if (type->kind == COM_BOOL)
		buffer_printf(out, "%s%s != VARIANT_FALSE", prefix, name);
	else if (type->kind == COM_VARIANT_BOOL || type->kind == COM_HRESULT)
		buffer_printf(out, "%s%s", prefix, name);
	else
		buffer_printf(out, "(%s)%s%s", c_type(type), prefix, name);
}

/* `(LONG)c_n`, `c_n ? VARIANT_TRUE : VARIANT_FALSE`: the C scalar `c_name`
 * for COM. */
static void emit_scalar_to_com(struct buffer *out, const struct model_type *type,
			       const char *name)
{
	if (type->kind == COM_BOOL)
		buffer_printf(out, "c_%s ? VARIANT_TRUE : VARIANT_FALSE", name);
	else if (type->kind == COM_VARIANT_BOOL || type->kind == COM_HRESULT)
		buffer_printf(out, "c_%s", name);
	else
		buffer_printf(out, "(%s)c_%s", type->com_name, name);
}

/* The most elements a length parameter of this kind can carry, when that is
 * less than a SAFEARRAY's ULONG count. */
static const char *length_limit(enum com_kind kind)
{
	switch (kind) {
	case COM_I1: return "127";
	case COM_UI1: return "255";
	case COM_I2: return "32767";
	case COM_UI2: return "65535";
	case COM_I4: return "2147483647";
	default: return NULL;
	}
}

static void emit_bytes_input(struct thunk *t, const struct model_param *param)
{
	struct buffer *out = t->out;
	const char *limit = param->size_is ? length_limit(param->size_is->type.kind) : NULL;

	buffer_puts(out, "\tif (FAILED(");
	lib(out, t->model);
	buffer_printf(out, "_ccw_bytes(%s%s, &c_%s, &c_%s_count)))",
		      param->direction == DIR_INOUT ? "*" : "", param->name, param->name,
		      param->name);
	emit_failure(t, "\t", "E_INVALIDARG", "'%s' is not a one-dimensional array of bytes",
		     param->name);
	if (limit) {
		buffer_printf(out, "\tif (c_%s_count > %s)", param->name, limit);
		emit_failure(t, "\t", "E_INVALIDARG",
			     "'%s' holds more bytes than the C function takes", param->name);
	}
}

static void emit_object_input(struct thunk *t, const struct model_param *param)
{
	struct buffer *out = t->out;
	const struct model_interface *iface = param->type.object_class->default_interface;

	buffer_printf(out, "\tif (%s) {\n", param->name);
	buffer_printf(out, "\t\t/* Only this component's own %s objects have a C object. */\n",
		      param->type.object_class->name);
	buffer_printf(out, "\t\tif (%s->lpVtbl != &%s_vtbl)", param->name, iface->name);
	emit_failure(t, "\t\t", "E_INVALIDARG", "'%s' is not an object of this component",
		     param->name);
	buffer_printf(out, "\t\tc_%s = %s_ccw_object(%s)->c_object;\n\t}\n", param->name,
		      iface->name, param->name);
}

static void emit_inputs(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;

	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		if (param->type.kind == COM_BYTES && !is_bytes_output(param)) {
			emit_bytes_input(t, param);
		} else if (param->direction == DIR_INOUT && !is_inout_passthrough(param)) {
			buffer_printf(out, "\tc_%s = ", param->name);
			emit_scalar_to_c(out, &param->type, "*", param->name);
			buffer_puts(out, ";\n");
		} else if (param->direction == DIR_IN && param->type.kind == COM_STRING) {
			buffer_printf(out, "\t%s = ccw_bstr_to_utf8_buf(%s, c_%s_buf, sizeof(c_%s_buf), "
				      "&c_%s, NULL);\n\tif (FAILED(%s))", t->hr, param->name,
				      param->name, param->name, param->name, t->hr);
			emit_failure(t, "\t", t->hr, "'%s' could not be converted to UTF-8",
				     param->name);
		} else if (param->direction == DIR_IN && param->type.kind == COM_OBJECT) {
			emit_object_input(t, param);
		}
	}
}

/* One argument of the C call, in C order. */
static void emit_argument(struct thunk *t, const struct model_param *param)
{
	struct buffer *out = t->out;

	if (param->length_of && is_bytes_output(param->length_of)) {
		buffer_printf(out, "&c_%s_count", param->length_of->name);
	} else if (param->length_of) {
		buffer_printf(out, "(%s)c_%s_count", param->c_spelling, param->length_of->name);
	} else if (is_bytes_output(param)) {
		buffer_printf(out, "&c_%s", param->name);
	} else if (param->type.kind == COM_BYTES) {
		buffer_printf(out, "c_%s", param->name);
	} else if (is_inout_passthrough(param)) {
		buffer_puts(out, param->name);
	} else if (is_output(param)) {
		buffer_printf(out, "&c_%s", param->name);
	} else if (param->type.kind == COM_STRING || param->type.kind == COM_OBJECT) {
		buffer_printf(out, "c_%s", param->name);
	} else if (is_scalar(param->type.kind)) {
		emit_scalar_to_c(out, &param->type, "", param->name);
	} else {
		buffer_puts(out, param->name); /* passed through */
	}
}

static void emit_call(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;
	bool first = true;

	if (call_can_fail(method))
		buffer_puts(out, "\tccw_error_clear();\n");
	if (uses_errno(method))
		buffer_puts(out, "\terrno = 0;\n");
	buffer_puts(out, "\t");
	if (method->return_role == RETURN_STATUS)
		buffer_printf(out, "%s = ", t->rc);
	else if (method->return_role == RETURN_RETVAL)
		buffer_printf(out, "c_%s = ", method->retval_from_return->name);

	if (method->c_field) {
		if (method->kind == METHOD_PROPGET) {
			buffer_printf(out, "%s->%s;\n", t->self, method->c_field);
		} else {
			buffer_printf(out, "%s->%s = ", t->self, method->c_field);
			emit_argument(t, &method->params[0]);
			buffer_puts(out, ";\n");
		}
		return;
	}
	buffer_printf(out, "%s(", method->c_function);
	if (has_self(method)) {
		buffer_puts(out, t->self);
		first = false;
	}
	for (size_t i = 0; i < method->param_count; i++) {
		if (!first)
			buffer_puts(out, ", ");
		emit_argument(t, &method->params[i]);
		first = false;
	}
	buffer_puts(out, ");\n");
}

static void emit_result_check(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;
	const char *rc = t->rc;
	bool negate = false;

	switch (method->result) {
	case RESULT_VALUE:
		return;
	case RESULT_ERRNO:
		buffer_printf(out, "\tif (%s < 0)", rc);
		negate = true;
		break;
	case RESULT_MINUS1:
		buffer_printf(out, "\tif (%s == -1)", rc);
		break;
	case RESULT_BOOL:
		buffer_printf(out, "\tif (!%s)", rc);
		break;
	case RESULT_NONNULL:
		buffer_printf(out, "\tif (!c_%s)", method->retval_from_return->name);
		break;
	case RESULT_HRESULT:
		buffer_printf(out, "\tif (FAILED(%s))", rc);
		open_failure(t, "\t");
		buffer_printf(out, "ccw_error_raise(%s, ", rc);
		source(t);
		buffer_printf(out, ", &IID_%s, NULL);\n", t->iface->name);
		close_failure(t, "\t");
		buffer_printf(out, "\t%s = %s; /* S_FALSE and other successes reach the caller */\n",
			      t->hr, rc);
		return;
	}
	/* The library's pending message, if it set one, is the description. */
	open_failure(t, "\t");
	lib(out, t->model);
	if (negate)
		buffer_printf(out, "_ccw_fail_errno(-%s, ", rc);
	else
		buffer_puts(out, "_ccw_fail_errno(errno, ");
	source(t);
	buffer_printf(out, ", &IID_%s);\n", t->iface->name);
	close_failure(t, "\t");
}

/* Converts the C outputs that can fail into COM temporaries. */
static void emit_output_conversions(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;

	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];
		const char *name = param->name;

		if (!is_output(param))
			continue;
		if (is_bytes_output(param)) {
			buffer_printf(out, "\t%s = ", t->hr);
			lib(out, t->model);
			buffer_printf(out, "_ccw_bytes_out(c_%s, (ULONGLONG)c_%s_count, &com_%s);\n"
				      "\tif (FAILED(%s))", name, name, name, t->hr);
			emit_failure(t, "\t", t->hr, "the library's '%s' does not fit in a SAFEARRAY",
				     name);
		} else if (param->type.kind == COM_STRING) {
			buffer_printf(out, "\t%s = ccw_bstr_from_utf8(c_%s, CCW_NUL_TERMINATED, "
				      "&com_%s);\n\tif (FAILED(%s))", t->hr, name, name, t->hr);
			emit_failure(t, "\t", t->hr, "the library's '%s' could not be converted "
				     "from UTF-8", name);
		} else if (param->type.kind == COM_OBJECT) {
			const struct model_class *cls = param->type.object_class;
			bool owns = param->transfer == TRANSFER_FULL;

			/* A NULL is NULL on the COM side too, except where it meant failure. */
			bool may_be_null = !(method->result == RESULT_NONNULL &&
					     param == method->retval_from_return);
			const char *indent = may_be_null ? "\t\t" : "\t";

			if (may_be_null)
				buffer_printf(out, "\tif (c_%s) {\n", name);
			buffer_printf(out, "%s/* Transfer %s: the wrapper %s the C object. */\n", indent,
				      owns ? "full" : "none", owns ? "owns" : "borrows");
			buffer_printf(out, "%s%s = %s_ccw_wrap(%sc_%s, %s, &IID_%s, (void **)&com_%s);\n",
				      indent, t->hr, cls->c_tag, param->type.c_const ? "(void *)" : "",
				      name, owns ? "true" : "false", cls->default_interface->name, name);
			if (owns)
				buffer_printf(out, "%sc_%s = NULL; /* taken by the wrapper, even on "
					      "failure */\n", indent, name);
			buffer_printf(out, "%sif (FAILED(%s))", indent, t->hr);
			emit_failure(t, indent, t->hr, "could not wrap '%s'", name);
			if (may_be_null)
				buffer_puts(out, "\t}\n");
		}
	}
}

/* Hands every output to the caller: nothing can fail any more. */
static void emit_output_moves(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;

	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];
		const char *name = param->name;

		if (!is_output(param) || is_inout_passthrough(param) ||
		    (param->type.kind == COM_BYTES && !is_bytes_output(param)))
			continue;
		switch (param->type.kind) {
		case COM_STRING: case COM_OBJECT: case COM_BYTES:
			buffer_printf(out, "\t*%s = com_%s;\n\tcom_%s = NULL;\n", name, name, name);
			break;
		case COM_VARIANT:
			buffer_printf(out, "\t*%s = c_%s;\n\tVariantInit(&c_%s);\n", name, name,
				      name);
			break;
		case COM_BSTR: case COM_UNKNOWN: case COM_DISPATCH:
			buffer_printf(out, "\t*%s = c_%s;\n\tc_%s = NULL;\n", name, name, name);
			break;
		default:
			buffer_printf(out, "\t*%s = ", name);
			emit_scalar_to_com(out, &param->type, name);
			buffer_puts(out, ";\n");
			break;
		}
	}
}

/* Frees what the thunk made or was given; runs on success and failure. */
static void emit_cleanup(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;

	buffer_puts(out, "cleanup:\n");
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];
		const char *name = param->name;

		if (param->direction == DIR_IN) {
			if (param->type.kind == COM_STRING)
				buffer_printf(out, "\tccw_string_free_buf(c_%s, c_%s_buf);\n", name,
					      name);
			continue;
		}
		if (is_inout_passthrough(param))
			continue;
		switch (param->type.kind) {
		case COM_STRING:
			if (param->transfer == TRANSFER_FULL)
				buffer_printf(out, "\tfree(%sc_%s); /* transfer full */\n",
					      param->type.c_const ? "(void *)" : "", name);
			buffer_printf(out, "\tSysFreeString(com_%s);\n", name);
			break;
		case COM_OBJECT: {
			const struct model_class *cls = param->type.object_class;

			if (param->transfer == TRANSFER_FULL && cls->destructor)
				buffer_printf(out, "\tif (c_%s) /* transfer full, not wrapped */\n"
					      "\t\t%s(%sc_%s);\n", name, cls->destructor,
					      param->type.c_const ? "(void *)" : "", name);
			buffer_printf(out, "\tif (com_%s)\n\t\tcom_%s->lpVtbl->Release(com_%s);\n",
				      name, name, name);
			break;
		}
		case COM_BYTES:
			if (!is_bytes_output(param))
				break;
			if (param->transfer == TRANSFER_FULL)
				buffer_printf(out, "\tfree(%sc_%s); /* transfer full */\n",
					      param->type.c_const ? "(void *)" : "", name);
			buffer_printf(out, "\tSafeArrayDestroy(com_%s);\n", name);
			break;
		case COM_BSTR:
			buffer_printf(out, "\tSysFreeString(c_%s);\n", name);
			break;
		case COM_VARIANT:
			buffer_printf(out, "\tVariantClear(&c_%s);\n", name);
			break;
		case COM_UNKNOWN: case COM_DISPATCH:
			buffer_printf(out, "\tif (c_%s)\n\t\tc_%s->lpVtbl->Release(c_%s);\n", name,
				      name, name);
			break;
		default:
			break;
		}
	}
	buffer_printf(out, "\treturn %s;\n", t->hr);
}

/* `name`, unless a parameter of the method already has it. */
static const char *local_name(const struct model_method *method, const char *name,
			      const char *fallback)
{
	for (size_t i = 0; i < method->param_count; i++) {
		if (strcmp(method->params[i].name, name) == 0)
			return fallback;
	}
	return name;
}

static bool thunk_needs_cleanup(const struct model_method *method)
{
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		if (output_holds_resource(param) ||
		    (param->direction == DIR_IN && param->type.kind == COM_STRING))
			return true;
	}
	return false;
}

static void emit_thunk(struct emitter *e, const struct model_class *cls,
		       const struct model_interface *iface, const struct model_method *method)
{
	struct thunk t = { e->out, e->model, cls, iface, method, thunk_needs_cleanup(method),
			   local_name(method, "hr", "ccw_hr"), local_name(method, "rc", "ccw_rc"),
			   local_name(method, "self", "ccw_self") };

	emit_comment(&t);
	emit_signature(&t);
	buffer_puts(t.out, "{\n");
	emit_locals(&t);
	emit_pointer_checks(&t);
	emit_inputs(&t);
	emit_call(&t);
	emit_result_check(&t);
	emit_output_conversions(&t);
	emit_output_moves(&t);
	if (t.has_cleanup)
		emit_cleanup(&t);
	else
		buffer_printf(t.out, "\treturn %s;\n", method->result == RESULT_HRESULT ? t.hr : "S_OK");
	buffer_puts(t.out, "}\n");
}

/* ---- Interfaces ----------------------------------------------------------- */

static void emit_iunknown_thunks(struct emitter *e, const struct model_interface *iface)
{
	const char *name = iface->name;

	buffer_printf(e->out, "\n/* %s's IUnknown slots: the object's own, through the "
		      "runtime. */\n", name);
	buffer_printf(e->out, "static HRESULT STDMETHODCALLTYPE %s_QueryInterface(%s *This, "
		      "REFIID riid, void **ppv)\n{\n\treturn ccw_object_query_interface("
		      "%s_ccw_object(This), riid, ppv);\n}\n\n", name, name, name);
	buffer_printf(e->out, "static ULONG STDMETHODCALLTYPE %s_AddRef(%s *This)\n{\n"
		      "\treturn ccw_object_add_ref(%s_ccw_object(This));\n}\n\n", name, name,
		      name);
	buffer_printf(e->out, "static ULONG STDMETHODCALLTYPE %s_Release(%s *This)\n{\n"
		      "\treturn ccw_object_release(%s_ccw_object(This));\n}\n", name, name, name);
}

static void emit_vtbl(struct emitter *e, const struct model_interface *iface)
{
	struct buffer *out = e->out;
	const char *name = iface->name;

	buffer_printf(out, "\nstatic const %sVtbl %s_vtbl = {\n", name, name);
	buffer_printf(out, "\t.QueryInterface = %s_QueryInterface,\n", name);
	buffer_printf(out, "\t.AddRef = %s_AddRef,\n", name);
	buffer_printf(out, "\t.Release = %s_Release,\n", name);
	if (iface->dual) {
		static const char *const slots[] = { "GetTypeInfoCount", "GetTypeInfo",
						     "GetIDsOfNames", "Invoke" };

		for (size_t i = 0; i < 4; i++)
			buffer_printf(out, "\t.%s = %s_%s,\n", slots[i], name, slots[i]);
	}
	for (size_t i = 0; i < iface->method_count; i++) {
		buffer_puts(out, "\t.");
		emit_vtbl_member(out, iface->methods[i]);
		buffer_printf(out, " = %s_", name);
		emit_vtbl_member(out, iface->methods[i]);
		buffer_puts(out, ",\n");
	}
	buffer_puts(out, "};\n");
}

/* ---- Classes ------------------------------------------------------------ */

/* The interface IDispatch answers for: the default one if dual, else the
 * first dual one; NULL when the class has none. */
static const struct model_interface *dispatch_interface(const struct model_class *cls)
{
	if (cls->default_interface && cls->default_interface->dual)
		return cls->default_interface;
	for (size_t i = 0; i < cls->interface_count; i++) {
		if (cls->interfaces[i]->dual)
			return cls->interfaces[i];
	}
	return NULL;
}

static void to_iid(const struct uuid *uuid, IID *iid)
{
	iid->Data1 = uuid->data1;
	iid->Data2 = uuid->data2;
	iid->Data3 = uuid->data3;
	memcpy(iid->Data4, uuid->data4, sizeof(iid->Data4));
}

/* One entry of the QI table: the IID's name and where its pointer lives. */
struct qi_entry {
	const IID *iid;
	char *iid_name;
	char *offset;
};

static int emit_qi_table(struct emitter *e, const struct model_class *cls, ccw_qi_shape *shape_out)
{
	struct buffer *out = e->out;
	const struct model_interface *dispatch = dispatch_interface(cls);
	size_t count = cls->interface_count + 2 + (dispatch ? 1 : 0), n = 0;
	IID *iids = calloc(cls->interface_count, sizeof(*iids));
	const IID **keys = calloc(count, sizeof(*keys));
	struct qi_entry *entries = calloc(count, sizeof(*entries));
	struct qi_entry **slots = NULL;
	ccw_qi_shape shape;
	int status = -1;

	if (!iids || !keys || !entries)
		goto oom;
	entries[n++] = (struct qi_entry){ &IID_IUnknown, strdup("IID_IUnknown"),
					  strdup("CCW_OBJECT_UNKNOWN_OFFSET") };
	entries[n++] = (struct qi_entry){ &IID_ISupportErrorInfo, strdup("IID_ISupportErrorInfo"),
					  strdup("CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET") };
	if (dispatch) {
		struct buffer offset;

		buffer_init(&offset);
		buffer_printf(&offset, "offsetof(struct %s_ccw, %s)", cls->c_tag, dispatch->name);
		entries[n++] = (struct qi_entry){ &IID_IDispatch, strdup("IID_IDispatch"),
						  offset.data };
	}
	for (size_t i = 0; i < cls->interface_count; i++) {
		struct buffer name, offset;

		buffer_init(&name);
		buffer_init(&offset);
		buffer_printf(&name, "IID_%s", cls->interfaces[i]->name);
		buffer_printf(&offset, "offsetof(struct %s_ccw, %s)", cls->c_tag,
			      cls->interfaces[i]->name);
		to_iid(&cls->interfaces[i]->iid, &iids[i]);
		entries[n++] = (struct qi_entry){ &iids[i], name.data, offset.data };
	}
	for (size_t i = 0; i < count; i++) {
		if (!entries[i].iid_name || !entries[i].offset)
			goto oom;
		keys[i] = entries[i].iid;
	}
	if (FAILED(ccw_qi_table_build(&shape, keys, count)))
		goto done;
	slots = calloc((size_t)shape.mask + 1, sizeof(*slots));
	if (!slots)
		goto oom;
	for (size_t i = 0; i < count; i++)
		slots[ccw_qi_table_slot(&shape, entries[i].iid)] = &entries[i];

	buffer_printf(out, "\n/* QueryInterface in constant time: each IID sits in slot "
		      "ccw_iid_hash(iid, 0x%08xu) & %u\n * (laid out by ccwgen with "
		      "ccw_qi_table_build). */\n", (unsigned)shape.seed, (unsigned)shape.mask);
	buffer_printf(out, "static const ccw_qi_slot %s_ccw_qi_slots[%u] = {\n", cls->c_tag,
		      (unsigned)shape.mask + 1);
	for (uint32_t i = 0; i <= shape.mask; i++) {
		if (slots[i])
			buffer_printf(out, "\t[%u] = { &%s, %s },\n", (unsigned)i, slots[i]->iid_name,
				      slots[i]->offset);
	}
	buffer_puts(out, "};\n");
	buffer_printf(out, "\nstatic const ccw_class_interface %s_ccw_interfaces[] = {\n",
		      cls->c_tag);
	for (size_t i = 0; i < cls->interface_count; i++)
		buffer_printf(out, "\t{ &IID_%s, &%s_vtbl, offsetof(struct %s_ccw, %s) },\n",
			      cls->interfaces[i]->name, cls->interfaces[i]->name, cls->c_tag,
			      cls->interfaces[i]->name);
	buffer_puts(out, "};\n");
	*shape_out = shape;
	status = 0;
	goto done;
oom:
	out->failed = true; /* reported as out of memory by the driver */
	*shape_out = (ccw_qi_shape){ 0, 0 };
	status = 0;
done:
	for (size_t i = 0; entries && i < count; i++) {
		free(entries[i].iid_name);
		free(entries[i].offset);
	}
	free(entries);
	free(keys);
	free(iids);
	free(slots);
	return status;
}

static void emit_class_object(struct emitter *e, const struct model_class *cls,
			      const ccw_qi_shape *shape)
{
	struct buffer *out = e->out;

	if (cls->constructor)
		buffer_printf(out, "\n/* The class factory's constructor (no call through a "
			      "pointer of another type). */\nstatic void *%s_ccw_construct(void)\n"
			      "{\n\treturn %s();\n}\n", cls->c_tag, cls->constructor);
	if (cls->destructor)
		buffer_printf(out, "\n/* Runs once, at the final Release of an owned object. */\n"
			      "static void %s_ccw_destroy(void *object)\n{\n\t%s(object);\n}\n",
			      cls->c_tag, cls->destructor);
	buffer_printf(out, "\nconst ccw_class %s_ccw_class = {\n", cls->c_tag);
	buffer_printf(out, "\t.name = \"%s\",\n\t.progid = ", cls->name);
	if (cls->progid)
		emit_c_string(out, cls->progid);
	else
		buffer_puts(out, "NULL");
	buffer_printf(out, ",\n\t.clsid = &CLSID_%s,\n", cls->name);
	buffer_printf(out, "\t.size = sizeof(struct %s_ccw),\n", cls->c_tag);
	buffer_printf(out, "\t.interfaces = %s_ccw_interfaces,\n", cls->c_tag);
	buffer_printf(out, "\t.interface_count = %zu,\n", cls->interface_count);
	buffer_printf(out, "\t.qi = { { 0x%08xu, %uu }, %s_ccw_qi_slots },\n",
		      (unsigned)shape->seed, (unsigned)shape->mask, cls->c_tag);
	if (emit_class_is_creatable(cls))
		buffer_printf(out, "\t.construct = %s_ccw_construct,\n", cls->c_tag);
	if (cls->destructor)
		buffer_printf(out, "\t.destroy = %s_ccw_destroy,\n", cls->c_tag);
	buffer_puts(out, "\t.module = &");
	lib(out, e->model);
	buffer_puts(out, "_ccw_module,\n};\n");

	buffer_printf(out, "\nHRESULT %s_ccw_wrap(struct %s *object, bool owns, REFIID riid, "
		      "void **out)\n{\n\treturn ccw_object_create(&%s_ccw_class, NULL, object, "
		      "owns, riid, out);\n}\n", cls->c_tag, cls->c_tag, cls->c_tag);
	if (emit_class_is_creatable(cls))
		buffer_printf(out, "\nHRESULT %s_ccw_create(IUnknown *outer, REFIID riid, "
			      "void **out)\n{\n\tIClassFactory *factory;\n\tHRESULT hr;\n\n"
			      "\tif (!out)\n\t\treturn E_POINTER;\n"
			      "\t*out = NULL;\n"
			      "\thr = ccw_class_factory_create(&%s_ccw_class, &IID_IClassFactory, "
			      "(void **)&factory);\n"
			      "\tif (FAILED(hr))\n\t\treturn hr;\n"
			      "\thr = factory->lpVtbl->CreateInstance(factory, outer, riid, out);\n"
			      "\tfactory->lpVtbl->Release(factory);\n\treturn hr;\n}\n",
			      cls->c_tag, cls->c_tag);
}

static int emit_class(struct emitter *e, const struct model_class *cls)
{
	ccw_qi_shape shape;

	buffer_printf(e->out, "\n/* ==== %s (struct %s) ==== */\n", cls->name, cls->c_tag);
	for (size_t i = 0; i < cls->interface_count; i++) {
		const struct model_interface *iface = cls->interfaces[i];

		emit_iunknown_thunks(e, iface);
		for (size_t m = 0; m < iface->method_count; m++)
			emit_thunk(e, cls, iface, iface->methods[m]);
		if (iface->dual)
			emit_dispatch_interface(e->out, e->model, iface);
		emit_vtbl(e, iface);
	}
	if (emit_qi_table(e, cls, &shape) < 0)
		return -1;
	emit_class_object(e, cls, &shape);
	return 0;
}

/* ---- The component -------------------------------------------------------- */

static void emit_guid_definitions(struct emitter *e)
{
	struct buffer *out = e->out;

	buffer_puts(out, "\n/* The GUIDs the header declares. */\n");
	for (size_t c = 0; c < e->model->class_count; c++) {
		const struct model_class *cls = e->model->classes[c];

		buffer_printf(out, "const CLSID CLSID_%s = ", cls->name);
		emit_guid_initializer(out, &cls->clsid);
		buffer_puts(out, ";\n");
		for (size_t i = 0; i < cls->interface_count; i++) {
			buffer_printf(out, "const IID IID_%s = ", cls->interfaces[i]->name);
			emit_guid_initializer(out, &cls->interfaces[i]->iid);
			buffer_puts(out, ";\n");
		}
	}
}

static void emit_component(struct emitter *e)
{
	struct buffer *out = e->out;

	buffer_puts(out, "\nHRESULT ");
	lib(out, e->model);
	buffer_puts(out, "_ccw_get_class_object(REFCLSID rclsid, REFIID riid, void **out)\n{\n"
		    "\tif (!out)\n\t\treturn E_POINTER;\n\t*out = NULL;\n");
	for (size_t c = 0; c < e->model->class_count; c++) {
		const struct model_class *cls = e->model->classes[c];

		if (!emit_class_is_creatable(cls))
			continue;
		buffer_printf(out, "\tif (IsEqualCLSID(rclsid, &CLSID_%s))\n\t\treturn "
			      "ccw_class_factory_create(&%s_ccw_class, riid, out);\n", cls->name,
			      cls->c_tag);
	}
	buffer_puts(out, "\t(void)rclsid;\n\t(void)riid;\n\treturn CLASS_E_CLASSNOTAVAILABLE;\n}\n");
	buffer_puts(out, "\nHRESULT ");
	lib(out, e->model);
	buffer_puts(out, "_ccw_can_unload_now(void)\n{\n\treturn ccw_module_can_unload(&");
	lib(out, e->model);
	buffer_puts(out, "_ccw_module);\n}\n");
}

int emit_c(const struct model *model, struct buffer *out, const char **error)
{
	struct emitter e = { out, model };
	struct usage usage = scan_usage(model);

	emit_banner(out, model, "_ccw.c", "the COM component: wrappers, thunks, vtables, classes");
	buffer_puts(out, "/* The thunks are named as the header's call macros. */\n"
		    "#define CCW_NO_CALL_MACROS\n#include \"");
	buffer_printf(out, "%s_ccw.h\"\n\n", model->name);
	for (size_t i = 0; i < model->header_count; i++)
		buffer_printf(out, "#include \"%s\"\n", model->headers[i]);
	buffer_puts(out, "\n#include <errno.h>\n#include <stddef.h>\n#include <stdlib.h>\n");
	if (usage.bytes_out)
		buffer_puts(out, "#include <string.h>\n");
	buffer_puts(out, "\n/* Live objects, class objects and LockServer locks: "
		    "DllCanUnloadNow's answer. */\nstatic ccw_module ");
	lib(out, model);
	buffer_puts(out, "_ccw_module;\n");
	emit_guid_definitions(&e);
	emit_helpers(&e, &usage);
	for (size_t c = 0; c < model->class_count; c++)
		emit_wrapper(&e, model->classes[c]);
	for (size_t c = 0; c < model->class_count; c++) {
		if (emit_class(&e, model->classes[c]) < 0) {
			*error = model->classes[c]->name;
			return -1;
		}
	}
	emit_dispatch_library(out, model);
	emit_component(&e);
	return 0;
}
