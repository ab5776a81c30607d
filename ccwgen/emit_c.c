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

#include <stdio.h>
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
	bool has_cleanup; /* failures set ccw_hr and jump to cleanup: */
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
 *		ccw_hr = counter_ccw_fail(E_INVALIDARG, ...);
 *		goto cleanup;
 *	}
 *
 * open_failure writes up to `return ` or `ccw_hr = `, close_failure the rest.
 */
static void open_failure(struct thunk *t, const char *indent)
{
	buffer_printf(t->out, "%s\n%s\t", t->has_cleanup ? " {" : "", indent);
	if (t->has_cleanup)
		buffer_puts(t->out, "ccw_hr = ");
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
};

static struct usage scan_usage(const struct model *model)
{
	struct usage usage = { false, false };

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

/*
 * Every name a thunk declares is made from the reserved prefix `ccw_` (which
 * check.c refuses for C parameters) and, for a parameter, its position in
 * the COM signature, so that no C parameter name, keyword or macro of the
 * library can collide with one:
 *
 *	ccw_argN    COM argument N, the thunk's parameter
 *	ccw_cN      its C value (a string's UTF-8, a byte array's data, ...)
 *	ccw_bufN    the stack buffer of a short string in
 *	ccw_countN  the element count of a byte buffer
 *	ccw_comN    a COM value made for the caller, not yet handed over
 *	ccw_self, ccw_rc, ccw_hr   the C object, the C return status, the result
 *
 * The comment above each thunk names the C parameter behind each ccw_argN.
 */
static int pos(const struct model_param *param)
{
	return param->com_index;
}

static void emit_signature(struct thunk *t)
{
	struct buffer *out = t->out;
	const struct model_method *method = t->method;

	buffer_printf(out, "static HRESULT STDMETHODCALLTYPE %s_", t->iface->name);
	emit_vtbl_member(out, method);
	buffer_printf(out, "(%s *This", t->iface->name);
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];
		char name[32];

		snprintf(name, sizeof(name), "ccw_arg%d", pos(param));
		buffer_puts(out, ", ");
		emit_declaration(out, emit_com_c_type(&param->type), emit_param_indirection(param),
				 name);
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
	size_t column;

	buffer_printf(t->out, "\n/* %s::", t->iface->name);
	emit_vtbl_member(t->out, method);
	if (method->c_function)
		buffer_printf(t->out, " calls %s()%s.", method->c_function,
			      conventions[method->result]);
	else
		buffer_printf(t->out, " %s the field %s.",
			      method->kind == METHOD_PROPGET ? "reads" : "writes", method->c_field);
	if (method->com_param_count == 0) {
		buffer_puts(t->out, " */\n");
		return;
	}
	buffer_puts(t->out, "\n * ");
	column = 3;
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];
		char item[300];
		int len = snprintf(item, sizeof(item), "ccw_arg%d: %s%s", pos(param),
				   param->c_index < 0 ? "the return value" : param->name,
				   i + 1 < method->com_param_count ? "," : ".");

		if (len < 0 || (size_t)len >= sizeof(item))
			len = (int)strlen(item);
		if (i > 0 && column + 1 + (size_t)len > 90) {
			buffer_puts(t->out, "\n * ");
			column = 3;
		} else if (i > 0) {
			buffer_puts(t->out, " ");
			column++;
		}
		buffer_puts(t->out, item);
		column += (size_t)len;
	}
	buffer_puts(t->out, " */\n");
}

/* Declares the C-side local `ccw_cN` of one parameter (or of the returned
 * value), and for values going out the COM-side `ccw_comN`. */
static void emit_local(struct thunk *t, const struct model_param *param)
{
	struct buffer *out = t->out;
	const struct model_type *type = &param->type;
	int n = pos(param);

	if (is_inout_passthrough(param))
		return;
	if (is_bytes_output(param)) {
		const struct model_type *length = &model_param_size_param(param)->type;

		buffer_printf(out, "\t%s%sccw_c%d = NULL;\n\t%s ccw_count%d = 0;\n"
			      "\tSAFEARRAY *ccw_com%d = NULL;\n", c_type(type),
			      ends_with_star(c_type(type)) ? "" : " ", n, c_type(length), n, n);
		return;
	}
	if (type->kind == COM_BYTES) {
		buffer_printf(out, "\tvoid *ccw_c%d = NULL;\n\tULONG ccw_count%d = 0;\n", n, n);
		return;
	}
	if (param->direction == DIR_IN) {
		if (type->kind == COM_STRING)
			/* A short string is converted on the stack, without malloc. */
			buffer_printf(out, "\tchar ccw_buf%d[CCW_UTF8_BUF_SIZE];\n"
				      "\tchar *ccw_c%d = NULL;\n", n, n);
		else if (type->kind == COM_OBJECT)
			buffer_printf(out, "\t%s%sccw_c%d = NULL;\n", type->c_spelling,
				      ends_with_star(type->c_spelling) ? "" : " ", n);
		return;
	}
	buffer_printf(out, "\t%s%sccw_c%d", c_type(type), ends_with_star(c_type(type)) ? "" : " ",
		      n);
	if (type->kind == COM_VARIANT)
		buffer_puts(out, ";\n"); /* VariantInit'd below */
	else if (is_scalar(type->kind))
		buffer_puts(out, " = 0;\n");
	else
		buffer_puts(out, " = NULL;\n");
	if (type->kind == COM_STRING)
		buffer_printf(out, "\tBSTR ccw_com%d = NULL;\n", n);
	else if (type->kind == COM_OBJECT)
		buffer_printf(out, "\t%sccw_com%d = NULL;\n", type->com_name, n);
}

static void emit_locals(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;

	if (has_self(method))
		buffer_printf(out, "\tstruct %s *ccw_self = %s_ccw_object(This)->c_object;\n",
			      t->cls->c_tag, t->iface->name);
	for (size_t i = 0; i < method->com_param_count; i++)
		emit_local(t, method->com_params[i]);
	if (method->return_role == RETURN_STATUS) {
		buffer_puts(out, "\t");
		emit_declaration(out, c_spelling(method->c_return_spelling), 0, "ccw_rc");
		buffer_puts(out, ";\n");
	}
	if (t->has_cleanup || method->result == RESULT_HRESULT)
		buffer_puts(out, "\tHRESULT ccw_hr = S_OK;\n");
	buffer_puts(out, "\n");
	if (!has_self(method))
		buffer_puts(out, "\t(void)This; /* a function of the class, not of an object */\n");
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		if (is_output(param) && param->type.kind == COM_VARIANT)
			buffer_printf(out, "\tVariantInit(&ccw_c%d);\n", pos(param));
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
		buffer_printf(t->out, "\tif (!ccw_arg%d)", pos(param));
		emit_failure(t, "\t", "E_POINTER", "'%s' is a NULL pointer", param->name);
	}
	t->has_cleanup = cleanup;
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		/* A pointer the caller frees must be NULL if the call fails. */
		if (!output_holds_resource(param))
			continue;
		if (param->type.kind == COM_VARIANT)
			buffer_printf(t->out, "\tVariantInit(ccw_arg%d);\n", pos(param));
		else
			buffer_printf(t->out, "\t*ccw_arg%d = NULL;\n", pos(param));
	}
}

/* `(int)ccw_arg0`, `*ccw_arg0 != VARIANT_FALSE`: the COM scalar `prefix`
 * ccw_argN as the C type. */
static void emit_scalar_to_c(struct buffer *out, const struct model_param *param,
			     const char *prefix)
{
	const struct model_type *type = &param->type;

	if (type->kind == COM_BOOL)
		buffer_printf(out, "%sccw_arg%d != VARIANT_FALSE", prefix, pos(param));
	else if (type->kind == COM_VARIANT_BOOL || type->kind == COM_HRESULT)
		buffer_printf(out, "%sccw_arg%d", prefix, pos(param));
	else
		buffer_printf(out, "(%s)%sccw_arg%d", c_type(type), prefix, pos(param));
}

/* `(LONG)ccw_c0`, `ccw_c0 ? VARIANT_TRUE : VARIANT_FALSE`: the C scalar
 * ccw_cN for COM. */
static void emit_scalar_to_com(struct buffer *out, const struct model_param *param)
{
	const struct model_type *type = &param->type;

	if (type->kind == COM_BOOL)
		buffer_printf(out, "ccw_c%d ? VARIANT_TRUE : VARIANT_FALSE", pos(param));
	else if (type->kind == COM_VARIANT_BOOL || type->kind == COM_HRESULT)
		buffer_printf(out, "ccw_c%d", pos(param));
	else
		buffer_printf(out, "(%s)ccw_c%d", type->com_name, pos(param));
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
	int n = pos(param);

	buffer_printf(out, "\tif (FAILED(ccw_safearray_bytes(%sccw_arg%d, &ccw_c%d, &ccw_count%d)))",
		      param->direction == DIR_INOUT ? "*" : "", n, n, n);
	emit_failure(t, "\t", "E_INVALIDARG", "'%s' is not a one-dimensional array of bytes",
		     param->name);
	if (limit) {
		buffer_printf(out, "\tif (ccw_count%d > %s)", n, limit);
		emit_failure(t, "\t", "E_INVALIDARG",
			     "'%s' holds more bytes than the C function takes", param->name);
	}
}

static void emit_object_input(struct thunk *t, const struct model_param *param)
{
	struct buffer *out = t->out;
	const struct model_interface *iface = param->type.object_class->default_interface;
	int n = pos(param);

	buffer_printf(out, "\tif (ccw_arg%d) {\n", n);
	buffer_printf(out, "\t\t/* Only this component's own %s objects have a C object. */\n",
		      param->type.object_class->name);
	buffer_printf(out, "\t\tif (ccw_arg%d->lpVtbl != &%s_vtbl)", n, iface->name);
	emit_failure(t, "\t\t", "E_INVALIDARG", "'%s' is not an object of this component",
		     param->name);
	buffer_printf(out, "\t\tccw_c%d = %s_ccw_object(ccw_arg%d)->c_object;\n\t}\n", n,
		      iface->name, n);
}

static void emit_inputs(struct thunk *t)
{
	const struct model_method *method = t->method;
	struct buffer *out = t->out;

	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];
		int n = pos(param);

		if (param->type.kind == COM_BYTES && !is_bytes_output(param)) {
			emit_bytes_input(t, param);
		} else if (param->direction == DIR_INOUT && !is_inout_passthrough(param)) {
			buffer_printf(out, "\tccw_c%d = ", n);
			emit_scalar_to_c(out, param, "*");
			buffer_puts(out, ";\n");
		} else if (param->direction == DIR_IN && param->type.kind == COM_STRING) {
			buffer_printf(out, "\tccw_hr = ccw_bstr_to_utf8_buf(ccw_arg%d, ccw_buf%d, "
				      "sizeof(ccw_buf%d), &ccw_c%d, NULL);\n\tif (FAILED(ccw_hr))",
				      n, n, n, n);
			emit_failure(t, "\t", "ccw_hr", "'%s' could not be converted to UTF-8",
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
		buffer_printf(out, "&ccw_count%d", pos(param->length_of));
	} else if (param->length_of) {
		buffer_printf(out, "(%s)ccw_count%d", param->c_spelling, pos(param->length_of));
	} else if (is_bytes_output(param)) {
		buffer_printf(out, "&ccw_c%d", pos(param));
	} else if (param->type.kind == COM_BYTES) {
		buffer_printf(out, "ccw_c%d", pos(param));
	} else if (is_inout_passthrough(param)) {
		buffer_printf(out, "ccw_arg%d", pos(param));
	} else if (is_output(param)) {
		buffer_printf(out, "&ccw_c%d", pos(param));
	} else if (param->type.kind == COM_STRING || param->type.kind == COM_OBJECT) {
		buffer_printf(out, "ccw_c%d", pos(param));
	} else if (is_scalar(param->type.kind)) {
		emit_scalar_to_c(out, param, "");
	} else {
		buffer_printf(out, "ccw_arg%d", pos(param)); /* passed through */
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
		buffer_puts(out, "ccw_rc = ");
	else if (method->return_role == RETURN_RETVAL)
		buffer_printf(out, "ccw_c%d = ", pos(method->retval_from_return));

	if (method->c_field) {
		if (method->kind == METHOD_PROPGET) {
			buffer_printf(out, "ccw_self->%s;\n", method->c_field);
		} else {
			buffer_printf(out, "ccw_self->%s = ", method->c_field);
			emit_argument(t, &method->params[0]);
			buffer_puts(out, ";\n");
		}
		return;
	}
	buffer_printf(out, "%s(", method->c_function);
	if (has_self(method)) {
		buffer_puts(out, "ccw_self");
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
	bool negate = false;

	switch (method->result) {
	case RESULT_VALUE:
		return;
	case RESULT_ERRNO:
		buffer_puts(out, "\tif (ccw_rc < 0)");
		negate = true;
		break;
	case RESULT_MINUS1:
		buffer_puts(out, "\tif (ccw_rc == -1)");
		break;
	case RESULT_BOOL:
		buffer_puts(out, "\tif (!ccw_rc)");
		break;
	case RESULT_NONNULL:
		buffer_printf(out, "\tif (!ccw_c%d)", pos(method->retval_from_return));
		break;
	case RESULT_HRESULT:
		buffer_puts(out, "\tif (FAILED(ccw_rc))");
		open_failure(t, "\t");
		buffer_puts(out, "ccw_error_raise(ccw_rc, ");
		source(t);
		buffer_printf(out, ", &IID_%s, NULL);\n", t->iface->name);
		close_failure(t, "\t");
		buffer_puts(out, "\tccw_hr = ccw_rc; /* S_FALSE and other successes reach the "
			    "caller */\n");
		return;
	}
	/* The library's pending message, if it set one, is the description. */
	open_failure(t, "\t");
	lib(out, t->model);
	if (negate)
		buffer_puts(out, "_ccw_fail_errno(-ccw_rc, ");
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
		int n = pos(param);

		if (!is_output(param))
			continue;
		if (is_bytes_output(param)) {
			buffer_printf(out, "\tccw_hr = ccw_safearray_from_bytes(ccw_c%d, "
				      "(ULONGLONG)ccw_count%d, &ccw_com%d);\n\tif (FAILED(ccw_hr))",
				      n, n, n);
			emit_failure(t, "\t", "ccw_hr", "the library's '%s' does not fit in a "
				     "SAFEARRAY", name);
		} else if (param->type.kind == COM_STRING) {
			buffer_printf(out, "\tccw_hr = ccw_bstr_from_utf8(ccw_c%d, CCW_NUL_TERMINATED, "
				      "&ccw_com%d);\n\tif (FAILED(ccw_hr))", n, n);
			emit_failure(t, "\t", "ccw_hr", "the library's '%s' could not be converted "
				     "from UTF-8", name);
		} else if (param->type.kind == COM_OBJECT) {
			const struct model_class *cls = param->type.object_class;
			bool owns = param->transfer == TRANSFER_FULL;

			/* A NULL is NULL on the COM side too, except where it meant failure. */
			bool may_be_null = !(method->result == RESULT_NONNULL &&
					     param == method->retval_from_return);
			const char *indent = may_be_null ? "\t\t" : "\t";

			if (may_be_null)
				buffer_printf(out, "\tif (ccw_c%d) {\n", n);
			buffer_printf(out, "%s/* Transfer %s: the wrapper %s the C object. */\n", indent,
				      owns ? "full" : "none", owns ? "owns" : "borrows");
			buffer_printf(out, "%sccw_hr = %s_ccw_wrap(%sccw_c%d, %s, &IID_%s, "
				      "(void **)&ccw_com%d);\n", indent, cls->c_tag,
				      param->type.c_const ? "(void *)" : "", n,
				      owns ? "true" : "false", cls->default_interface->name, n);
			if (owns)
				buffer_printf(out, "%sccw_c%d = NULL; /* taken by the wrapper, even on "
					      "failure */\n", indent, n);
			buffer_printf(out, "%sif (FAILED(ccw_hr))", indent);
			emit_failure(t, indent, "ccw_hr", "could not wrap '%s'", name);
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
		int n = pos(param);

		if (!is_output(param) || is_inout_passthrough(param) ||
		    (param->type.kind == COM_BYTES && !is_bytes_output(param)))
			continue;
		switch (param->type.kind) {
		case COM_STRING: case COM_OBJECT: case COM_BYTES:
			buffer_printf(out, "\t*ccw_arg%d = ccw_com%d;\n\tccw_com%d = NULL;\n", n, n,
				      n);
			break;
		case COM_VARIANT:
			buffer_printf(out, "\t*ccw_arg%d = ccw_c%d;\n\tVariantInit(&ccw_c%d);\n", n,
				      n, n);
			break;
		case COM_BSTR: case COM_UNKNOWN: case COM_DISPATCH:
			buffer_printf(out, "\t*ccw_arg%d = ccw_c%d;\n\tccw_c%d = NULL;\n", n, n, n);
			break;
		default:
			buffer_printf(out, "\t*ccw_arg%d = ", n);
			emit_scalar_to_com(out, param);
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
		const char *unconst = param->type.c_const ? "(void *)" : "";
		int n = pos(param);

		if (param->direction == DIR_IN) {
			if (param->type.kind == COM_STRING)
				buffer_printf(out, "\tccw_string_free_buf(ccw_c%d, ccw_buf%d);\n", n, n);
			continue;
		}
		if (is_inout_passthrough(param))
			continue;
		switch (param->type.kind) {
		case COM_STRING:
			if (param->transfer == TRANSFER_FULL)
				buffer_printf(out, "\tfree(%sccw_c%d); /* transfer full */\n", unconst,
					      n);
			buffer_printf(out, "\tSysFreeString(ccw_com%d);\n", n);
			break;
		case COM_OBJECT: {
			const struct model_class *cls = param->type.object_class;

			if (param->transfer == TRANSFER_FULL && cls->destructor)
				buffer_printf(out, "\tif (ccw_c%d) /* transfer full, not wrapped */\n"
					      "\t\t%s(%sccw_c%d);\n", n, cls->destructor, unconst, n);
			buffer_printf(out, "\tif (ccw_com%d)\n\t\tccw_com%d->lpVtbl->Release("
				      "ccw_com%d);\n", n, n, n);
			break;
		}
		case COM_BYTES:
			if (!is_bytes_output(param))
				break;
			if (param->transfer == TRANSFER_FULL)
				buffer_printf(out, "\tfree(%sccw_c%d); /* transfer full */\n", unconst,
					      n);
			buffer_printf(out, "\tSafeArrayDestroy(ccw_com%d);\n", n);
			break;
		case COM_BSTR:
			buffer_printf(out, "\tSysFreeString(ccw_c%d);\n", n);
			break;
		case COM_VARIANT:
			buffer_printf(out, "\tVariantClear(&ccw_c%d);\n", n);
			break;
		case COM_UNKNOWN: case COM_DISPATCH:
			buffer_printf(out, "\tif (ccw_c%d)\n\t\tccw_c%d->lpVtbl->Release(ccw_c%d);\n",
				      n, n, n);
			break;
		default:
			break;
		}
	}
	buffer_puts(out, "\treturn ccw_hr;\n");
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
	struct thunk t = { e->out, e->model, cls, iface, method, thunk_needs_cleanup(method) };

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
		buffer_printf(t.out, "\treturn %s;\n",
			      method->result == RESULT_HRESULT ? "ccw_hr" : "S_OK");
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

/* The runtime's name for each threading model (runtime.h, ccw_threading). */
static const char *const threading_constant[] = {
	[THREADING_BOTH] = "CCW_THREADING_BOTH",
	[THREADING_FREE] = "CCW_THREADING_FREE",
	[THREADING_APARTMENT] = "CCW_THREADING_APARTMENT",
	[THREADING_SERIALIZED] = "CCW_THREADING_SERIALIZED",
};

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
	buffer_printf(out, "\t.threading = %s,\n", threading_constant[cls->threading]);
	buffer_printf(out, "\t.version = \"%u.%u\",\n", cls->version_major, cls->version_minor);
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
			      "void **out)\n{\n\treturn ccw_class_create_instance(&%s_ccw_class, "
			      "outer, riid, out);\n}\n", cls->c_tag, cls->c_tag);
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
