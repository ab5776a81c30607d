/*
 * emit_dispatch.c - the late-bound half of NAME_ccw.c: for every interface
 * the static tables the runtime reads (runtime.h, "Dispatch"), for a dual
 * one the four IDispatch slots, and once per unit the type library.
 *
 * Everything that does not depend on a member's C types is the runtime's
 * (runtime/dispatch.c, runtime/typeinfo.c); the only per-member code is the
 * typed call in Invoke, which hands the already converted VARIANTs to the
 * early-bound thunk emit_c.c wrote, so that no conversion is written twice.
 * The hashes for names and DISPIDs are chosen here, with the runtime's own
 * functions, so the generated tables are constants.
 */
#include "emit_dispatch.h"
#include "typemap.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccw/runtime.h>

#include "emit_common.h"

/* ---- Names of generated symbols ---------------------------------------- */

static void emit_typelib_name(struct buffer *out, const struct model *model)
{
	emit_library_identifier(out, model, false);
	buffer_puts(out, "_ccw_typelib");
}

/* The first dual interface of the unit: the place for the library's
 * forward declaration, which every dispatch table points to. */
static const struct model_interface *first_dual_interface(const struct model *model)
{
	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++) {
			if (model->classes[c]->interfaces[i]->dual)
				return model->classes[c]->interfaces[i];
		}
	}
	return NULL;
}

static void emit_typelib_declaration(struct buffer *out, const struct model *model)
{
	buffer_puts(out, "\n/* The unit's type library, defined at the end. */\nstatic const "
		    "ccw_typelib ");
	emit_typelib_name(out, model);
	buffer_puts(out, ";\n");
}

static void emit_optional_string(struct buffer *out, const char *text)
{
	if (text)
		emit_c_string(out, text);
	else
		buffer_puts(out, "NULL");
}

/* ---- Parameters and functions ------------------------------------------ */

static const char *param_flags(const struct model_param *param)
{
	switch (param->direction) {
	case DIR_IN: return param->optional ? "PARAMFLAG_FIN | PARAMFLAG_FOPT" : "PARAMFLAG_FIN";
	case DIR_OUT: return "PARAMFLAG_FOUT";
	case DIR_INOUT: return param->optional ? "PARAMFLAG_FIN | PARAMFLAG_FOUT | PARAMFLAG_FOPT"
					       : "PARAMFLAG_FIN | PARAMFLAG_FOUT";
	case DIR_RETVAL: return "PARAMFLAG_FOUT | PARAMFLAG_FRETVAL";
	}
	return "0";
}

static const char *invoke_kind(const struct model_method *method)
{
	switch (method->kind) {
	case METHOD_PROPGET: return "INVOKE_PROPERTYGET";
	case METHOD_PROPPUT: return "INVOKE_PROPERTYPUT";
	case METHOD_PLAIN: break;
	}
	return "INVOKE_FUNC";
}

/* `ICounter_get_Value_params` */
static void emit_params_name(struct buffer *out, const struct model_interface *iface,
			     const struct model_method *method)
{
	buffer_printf(out, "%s_", iface->name);
	emit_vtbl_member(out, method);
	buffer_puts(out, "_params");
}

/* The shortest "%.*g" spelling that reads back as the same double, so the
 * table holds exactly the value the annotation's text names. */
static void emit_real(struct buffer *out, double value)
{
	char text[32];

	for (int precision = 1; precision <= 17; precision++) {
		snprintf(text, sizeof(text), "%.*g", precision, value);
		if (strtod(text, NULL) == value)
			break;
	}
	buffer_puts(out, text);
	if (!strpbrk(text, ".e"))
		buffer_puts(out, ".0");
}

/* `, .default_value = { .i8 = 3 }`: the default typed here, once, so the
 * runtime parses nothing (and no locale can change it); nothing for a zero. */
static void emit_default_value(struct buffer *out, const struct model_param *param)
{
	struct typemap_default parsed;

	/* check.c accepted the text, so it parses. */
	if (!typemap_default_parse(&param->type, param->default_value, &parsed))
		abort();
	switch (parsed.form) {
	case TYPEMAP_DEFAULT_ZERO:
		return;
	case TYPEMAP_DEFAULT_SIGNED:
		if (parsed.value.i8 == 0)
			return;
		buffer_puts(out, ", .default_value = { .i8 = ");
		if (parsed.value.i8 == LLONG_MIN) /* its digits alone do not fit */
			buffer_puts(out, "-9223372036854775807 - 1");
		else
			buffer_printf(out, "%lld", parsed.value.i8);
		break;
	case TYPEMAP_DEFAULT_UNSIGNED:
		if (parsed.value.ui8 == 0)
			return;
		buffer_printf(out, ", .default_value = { .ui8 = %lluu", parsed.value.ui8);
		break;
	case TYPEMAP_DEFAULT_REAL:
		buffer_puts(out, ", .default_value = { .r8 = ");
		emit_real(out, parsed.value.r8);
		break;
	case TYPEMAP_DEFAULT_TEXT:
		if (!*parsed.value.text)
			return;
		buffer_puts(out, ", .default_value = { .text = ");
		emit_c_string(out, parsed.value.text);
		break;
	}
	buffer_puts(out, " }");
}

static void emit_params(struct buffer *out, const struct model_interface *iface,
			const struct model_method *method)
{
	if (method->com_param_count == 0)
		return;
	if (method->com_param_count > CCW_DISPATCH_MAX_PARAMS) {
		buffer_printf(out, "\n#error \"%s::%s has more parameters than late binding takes "
			      "(CCW_DISPATCH_MAX_PARAMS)\"\n", iface->name, method->name);
		return;
	}
	buffer_puts(out, "\nstatic const ccw_dispatch_param ");
	emit_params_name(out, iface, method);
	buffer_puts(out, "[] = {\n");
	for (size_t i = 0; i < method->com_param_count; i++) {
		const struct model_param *param = method->com_params[i];

		buffer_puts(out, "\t{ .name = ");
		emit_c_string(out, param->name);
		buffer_printf(out, ", .vt = %s, .flags = %s", vartype_name(param->type.vt),
			      param_flags(param));
		if (param->optional && param->default_value)
			emit_default_value(out, param);
		if (param->type.kind == COM_OBJECT)
			buffer_printf(out, ", .iid = &IID_%s",
				      param->type.object_class->default_interface->name);
		buffer_puts(out, " },\n");
	}
	buffer_puts(out, "};\n");
}

/* A custom interface's methods have no DISPIDs; its type information
 * numbers them as MIDL does, 0x60000000 + their index. */
static int member_id(const struct model_interface *iface, size_t index)
{
	return iface->dual ? iface->methods[index]->dispid : 0x60000000 + (int)index;
}

static void emit_functions(struct buffer *out, const struct model_interface *iface)
{
	for (size_t m = 0; m < iface->method_count; m++)
		emit_params(out, iface, iface->methods[m]);
	if (iface->method_count == 0)
		return;
	buffer_printf(out, "\n/* %s's methods in vtable order; Invoke's switch uses the index. */\n"
		      "static const ccw_dispatch_function %s_dispatch_functions[] = {\n", iface->name,
		      iface->name);
	for (size_t m = 0; m < iface->method_count; m++) {
		const struct model_method *method = iface->methods[m];

		buffer_puts(out, "\t{ .name = ");
		emit_c_string(out, method->name);
		buffer_printf(out, ", .dispid = %d, .invkind = %s, .slot = %u",
			      member_id(iface, m), invoke_kind(method), method->slot);
		if (method->hidden)
			buffer_puts(out, ", .flags = FUNCFLAG_FHIDDEN");
		if (method->com_param_count) {
			buffer_puts(out, ",\n\t  .params = ");
			emit_params_name(out, iface, method);
			buffer_printf(out, ", .param_count = %zu", method->com_param_count);
		}
		if (method->help) {
			buffer_puts(out, ",\n\t  .help = ");
			emit_c_string(out, method->help);
		}
		buffer_puts(out, " },\n");
	}
	buffer_puts(out, "};\n");
}

/* ---- The hashes ------------------------------------------------------ */

/* One member: a DISPID and the functions (indexes in iface->methods, -1 for
 * none) that answer it. */
struct member {
	int dispid;
	const char *name;
	int method, get, put;
	bool hidden;
};

struct hashes {
	struct member *members;
	size_t member_count;
	ccw_dispatch_shape member_shape;
	struct member **member_slots; /* member_shape.mask + 1 */
	ccw_dispatch_name *keys;      /* folded names owned here */
	size_t key_count;
	ccw_dispatch_shape name_shape;
	ccw_dispatch_name **name_slots; /* name_shape.mask + 1 */
};

static void hashes_free(struct hashes *h)
{
	for (size_t i = 0; i < h->key_count; i++)
		free((char *)h->keys[i].folded);
	free(h->members);
	free(h->member_slots);
	free(h->keys);
	free(h->name_slots);
	memset(h, 0, sizeof(*h));
}

static bool is_ascii(const char *text)
{
	for (; *text; text++) {
		if ((unsigned char)*text >= 0x80)
			return false;
	}
	return true;
}

static int add_key(struct hashes *h, const char *name, unsigned member, int param)
{
	size_t len = strlen(name);
	char *folded = malloc(len + 1);

	if (!folded)
		return -1;
	for (size_t i = 0; i <= len; i++)
		folded[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
	h->keys[h->key_count++] = (ccw_dispatch_name){ folded, (USHORT)len, (USHORT)member,
						       (SHORT)param };
	return 0;
}

static struct member *find_or_add_member(struct hashes *h, const struct model_method *method)
{
	for (size_t i = 0; i < h->member_count; i++) {
		if (h->members[i].dispid == method->dispid)
			return &h->members[i];
	}
	h->members[h->member_count] = (struct member){ method->dispid, method->name, -1, -1, -1,
						       method->hidden };
	return &h->members[h->member_count++];
}

/* Groups the methods by DISPID and shapes both hashes; -1 on failure. */
static int build_hashes(struct hashes *h, const struct model_interface *iface)
{
	size_t n = iface->method_count, keys = 0;
	DISPID *dispids = NULL;
	int result = -1;

	h->members = calloc(n, sizeof(*h->members));
	if (!h->members)
		goto done;
	for (size_t m = 0; m < n; m++) {
		const struct model_method *method = iface->methods[m];
		struct member *member = find_or_add_member(h, method);

		if (method->kind == METHOD_PROPGET)
			member->get = (int)m;
		else if (method->kind == METHOD_PROPPUT)
			member->put = (int)m;
		else
			member->method = (int)m;
		member->hidden = member->hidden && method->hidden;
		keys += 1 + method->com_param_count;
	}
	dispids = calloc(h->member_count, sizeof(*dispids));
	if (!dispids)
		goto done;
	for (size_t i = 0; i < h->member_count; i++)
		dispids[i] = h->members[i].dispid;
	if (FAILED(ccw_dispatch_members_build(&h->member_shape, dispids, h->member_count)))
		goto done;
	h->member_slots = calloc(h->member_shape.mask + 1, sizeof(*h->member_slots));
	h->keys = calloc(keys, sizeof(*h->keys));
	if (!h->member_slots || !h->keys)
		goto done;
	for (size_t i = 0; i < h->member_count; i++) {
		struct member *member = &h->members[i];
		unsigned slot = ccw_dispatch_member_slot(&h->member_shape, member->dispid);

		h->member_slots[slot] = member;
		/* Hidden members are left out of name lookup (DESIGN.md §4). */
		if (member->hidden || iface->hidden)
			continue;
		if (add_key(h, member->name, slot, -1) < 0)
			goto done;
		if (member->method < 0)
			continue;
		/* A method's parameters, for named arguments; names are ASCII
		 * identifiers, a non-ASCII one cannot be named. */
		const struct model_method *method = iface->methods[member->method];

		for (size_t p = 0; p < method->com_param_count; p++) {
			const struct model_param *param = method->com_params[p];

			if (param->direction == DIR_RETVAL || !is_ascii(param->name))
				continue;
			if (add_key(h, param->name, slot, (int)p) < 0)
				goto done;
		}
	}
	if (h->key_count == 0) {
		result = 0;
		goto done;
	}
	if (FAILED(ccw_dispatch_names_build(&h->name_shape, h->keys, h->key_count)))
		goto done;
	h->name_slots = calloc(h->name_shape.mask + 1, sizeof(*h->name_slots));
	if (!h->name_slots)
		goto done;
	for (size_t i = 0; i < h->key_count; i++)
		h->name_slots[ccw_dispatch_name_hash(&h->keys[i], h->name_shape.seed) &
			      h->name_shape.mask] = &h->keys[i];
	result = 0;
done:
	free(dispids);
	return result;
}

static void emit_function_ref(struct buffer *out, const char *field,
			      const struct model_interface *iface, int index)
{
	if (index >= 0)
		buffer_printf(out, ", .%s = &%s_dispatch_functions[%d]", field, iface->name, index);
}

static void emit_hash_tables(struct buffer *out, const struct model_interface *iface,
			     const struct hashes *h)
{
	buffer_printf(out, "\n/* DISPID -> member: a perfect hash (seed 0x%08x). */\n"
		      "static const ccw_dispatch_member %s_dispatch_members[] = {\n",
		      (unsigned)h->member_shape.seed, iface->name);
	for (uint32_t s = 0; s <= h->member_shape.mask; s++) {
		const struct member *member = h->member_slots[s];

		if (!member) {
			buffer_puts(out, "\t{ 0 },\n");
			continue;
		}
		buffer_puts(out, "\t{ .name = ");
		emit_c_string(out, member->name);
		buffer_printf(out, ", .dispid = %d", member->dispid);
		emit_function_ref(out, "method", iface, member->method);
		emit_function_ref(out, "get", iface, member->get);
		emit_function_ref(out, "put", iface, member->put);
		buffer_puts(out, " },\n");
	}
	buffer_puts(out, "};\n");
	if (h->key_count == 0)
		return;
	buffer_printf(out, "\n/* Case-folded names -> members and parameters: a perfect hash "
		      "(seed 0x%08x). */\nstatic const ccw_dispatch_name %s_dispatch_names[] = {\n",
		      (unsigned)h->name_shape.seed, iface->name);
	for (uint32_t s = 0; s <= h->name_shape.mask; s++) {
		const ccw_dispatch_name *key = h->name_slots[s];

		if (!key) {
			buffer_puts(out, "\t{ 0 },\n");
			continue;
		}
		buffer_puts(out, "\t{ ");
		emit_c_string(out, key->folded);
		buffer_printf(out, ", %u, %u, %d },\n", key->length, key->member, key->param);
	}
	buffer_puts(out, "};\n");
}

/* ---- The table --------------------------------------------------------- */

static void emit_table(struct buffer *out, const struct model *model,
		       const struct model_interface *iface, const struct hashes *h)
{
	buffer_printf(out, "\nstatic const ccw_dispatch_table %s_dispatch = {\n\t.name = \"%s\",\n"
		      "\t.iid = &IID_%s,\n", iface->name, iface->name, iface->name);
	if (iface->help) {
		buffer_puts(out, "\t.help = ");
		emit_c_string(out, iface->help);
		buffer_puts(out, ",\n");
	}
	buffer_puts(out, "\t.source = ");
	emit_error_source(out, model, iface->owner);
	buffer_printf(out, ",\n\t.dual = %s,\n", iface->dual ? "true" : "false");
	/* Every failure of a thunk raises IErrorInfo (emit_c.c), so Invoke
	 * does not clear the thread's before each call. */
	if (iface->dual)
		buffer_puts(out, "\t.raises_error_info = true,\n");
	if (iface->method_count)
		buffer_printf(out, "\t.functions = %s_dispatch_functions,\n\t.function_count = %zu,\n",
			      iface->name, iface->method_count);
	if (h) {
		buffer_printf(out, "\t.member_shape = { 0x%08xu, 0x%xu },\n\t.members = "
			      "%s_dispatch_members,\n", (unsigned)h->member_shape.seed,
			      (unsigned)h->member_shape.mask, iface->name);
		if (h->key_count)
			buffer_printf(out, "\t.name_shape = { 0x%08xu, 0x%xu },\n\t.names = "
				      "%s_dispatch_names,\n", (unsigned)h->name_shape.seed,
				      (unsigned)h->name_shape.mask, iface->name);
	}
	buffer_puts(out, "\t.library = &");
	emit_typelib_name(out, model);
	buffer_puts(out, ",\n};\n");
}

/* ---- IDispatch ---------------------------------------------------------- */

/* The VARIANT field a COM value lives in (V_I4, V_BSTR, ...); NULL for a
 * VARIANT, passed whole. */
static const char *variant_field(const struct model_type *type)
{
	switch (type->kind) {
	case COM_BOOL: case COM_VARIANT_BOOL: return "V_BOOL";
	case COM_I1: return "V_I1";
	case COM_UI1: return "V_UI1";
	case COM_I2: return "V_I2";
	case COM_UI2: return "V_UI2";
	case COM_I4: case COM_ENUM: return "V_I4";
	case COM_UI4: return "V_UI4";
	case COM_I8: return "V_I8";
	case COM_UI8: return "V_UI8";
	case COM_R4: return "V_R4";
	case COM_R8: return "V_R8";
	case COM_STRING: case COM_BSTR: return "V_BSTR";
	case COM_BYTES: return "V_ARRAY";
	case COM_HRESULT: return "V_ERROR";
	case COM_UNKNOWN: return "V_UNKNOWN";
	case COM_DISPATCH: return "V_DISPATCH";
	case COM_OBJECT: return type->vt == MODEL_VT_DISPATCH ? "V_DISPATCH" : "V_UNKNOWN";
	case COM_VARIANT: case COM_KIND_COUNT: break;
	}
	return NULL;
}

/* One argument of the typed call: inv.args[i] as the thunk's parameter. */
static void emit_argument(struct buffer *out, const struct model_param *param, size_t i)
{
	const char *field = variant_field(&param->type);
	bool by_pointer = param->direction != DIR_IN;

	if (!field) {
		buffer_printf(out, "%sinv.args[%zu]", by_pointer ? "&" : "", i);
		return;
	}
	/* An interface pointer is stored as IDispatch * or IUnknown *; the
	 * thunk takes the object's own interface. */
	if (param->type.kind == COM_OBJECT)
		buffer_printf(out, "(%s *%s)(void *)", param->type.object_class->default_interface->name,
			      by_pointer ? "*" : "");
	buffer_printf(out, "%s%s(&inv.args[%zu])", by_pointer ? "&" : "", field, i);
}

static void emit_invoke(struct buffer *out, const struct model_interface *iface)
{
	const char *name = iface->name;

	buffer_printf(out, "\n/* %s::Invoke: the runtime fetches and converts the arguments, "
		      "the typed\n * call goes to the early-bound thunk, the runtime writes the "
		      "results back. */\n", name);
	buffer_printf(out, "static HRESULT STDMETHODCALLTYPE %s_Invoke(%s *This, DISPID "
		      "dispIdMember, REFIID riid,\n\tLCID lcid, WORD wFlags, DISPPARAMS "
		      "*pDispParams, VARIANT *pVarResult,\n\tEXCEPINFO *pExcepInfo, UINT *puArgErr)"
		      "\n{\n\tccw_invocation inv;\n\tHRESULT hr;\n\n"
		      "\thr = ccw_dispatch_begin(&inv, &%s_dispatch, dispIdMember, riid, lcid, "
		      "wFlags,\n\t\t\t\tpDispParams, pVarResult, pExcepInfo, puArgErr);\n"
		      "\tif (FAILED(hr))\n\t\treturn hr;\n\tswitch (inv.function) {\n", name, name,
		      name);
	for (size_t m = 0; m < iface->method_count; m++) {
		const struct model_method *method = iface->methods[m];

		buffer_printf(out, "\tcase %zu:\n\t\thr = %s_", m, name);
		emit_vtbl_member(out, method);
		buffer_puts(out, "(This");
		for (size_t i = 0; i < method->com_param_count; i++) {
			buffer_puts(out, ", ");
			emit_argument(out, method->com_params[i], i);
		}
		buffer_puts(out, ");\n\t\tbreak;\n");
	}
	buffer_puts(out, "\tdefault:\n\t\thr = E_UNEXPECTED;\n\t\tbreak;\n\t}\n"
		    "\treturn ccw_dispatch_end(&inv, hr);\n}\n");
}

static void emit_idispatch_slots(struct buffer *out, const struct model_interface *iface)
{
	const char *name = iface->name;

	buffer_printf(out, "\n/* %s's IDispatch slots. */\n"
		      "static HRESULT STDMETHODCALLTYPE %s_GetTypeInfoCount(%s *This, UINT *pctinfo)"
		      "\n{\n\t(void)This;\n\treturn ccw_dispatch_get_type_info_count(pctinfo);\n}\n",
		      name, name, name);
	buffer_printf(out, "\nstatic HRESULT STDMETHODCALLTYPE %s_GetTypeInfo(%s *This, UINT "
		      "iTInfo, LCID lcid,\n\tITypeInfo **ppTInfo)\n{\n\t(void)lcid;\n"
		      "\treturn ccw_dispatch_get_type_info(&%s_dispatch, "
		      "%s_ccw_object(This)->cls->module,\n\t\t\t\t\t  iTInfo, ppTInfo);\n}\n",
		      name, name, name, name);
	buffer_printf(out, "\nstatic HRESULT STDMETHODCALLTYPE %s_GetIDsOfNames(%s *This, REFIID "
		      "riid,\n\tLPOLESTR *rgszNames, UINT cNames, LCID lcid, DISPID *rgDispId)\n{\n"
		      "\t(void)This;\n\t(void)lcid;\n\treturn ccw_dispatch_get_ids_of_names("
		      "&%s_dispatch, riid, rgszNames, cNames, rgDispId);\n}\n", name, name, name);
	emit_invoke(out, iface);
}

/* Tables of one interface; for a dual one also its IDispatch slots. */
static void emit_interface(struct buffer *out, const struct model *model,
			   const struct model_interface *iface)
{
	struct hashes h = { 0 };
	bool have_hashes = iface->dual && iface->method_count > 0; /* for late binding only */

	emit_functions(out, iface);
	if (have_hashes && build_hashes(&h, iface) < 0) {
		buffer_printf(out, "\n#error \"ccwgen could not build the name tables of %s\"\n",
			      iface->name);
		have_hashes = false;
	}
	if (have_hashes)
		emit_hash_tables(out, iface, &h);
	emit_table(out, model, iface, have_hashes ? &h : NULL);
	hashes_free(&h);
	if (iface->dual)
		emit_idispatch_slots(out, iface);
}

void emit_dispatch_interface(struct buffer *out, const struct model *model,
			     const struct model_interface *iface)
{
	if (iface == first_dual_interface(model))
		emit_typelib_declaration(out, model);
	emit_interface(out, model, iface);
}

/* ---- The type library ---------------------------------------------------- */

void emit_dispatch_library(struct buffer *out, const struct model *model)
{
	size_t interface_count = 0;

	buffer_puts(out, "\n/* ==== Type information ==== */\n");
	if (!first_dual_interface(model))
		emit_typelib_declaration(out, model);
	/* Custom interfaces are described too, though nothing dispatches to them. */
	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++) {
			if (!model->classes[c]->interfaces[i]->dual)
				emit_interface(out, model, model->classes[c]->interfaces[i]);
			interface_count++;
		}
	}
	for (size_t c = 0; c < model->class_count; c++) {
		const struct model_class *cls = model->classes[c];

		buffer_printf(out, "\nstatic const ccw_dispatch_table *const %s_ccw_interfaces[] = {\n",
			      cls->name);
		for (size_t i = 0; i < cls->interface_count; i++)
			buffer_printf(out, "\t&%s_dispatch,\n", cls->interfaces[i]->name);
		buffer_puts(out, "};\n");
	}
	if (interface_count == 0) {
		/* Nothing annotated: an empty library (C has no empty arrays). */
		buffer_puts(out, "\nstatic const ccw_typelib ");
		emit_typelib_name(out, model);
		buffer_puts(out, " = { .name = ");
		emit_c_string(out, model->name);
		buffer_puts(out, " };\n");
		return;
	}
	buffer_puts(out, "\nstatic const ccw_dispatch_table *const ");
	emit_library_identifier(out, model, false);
	buffer_puts(out, "_ccw_all_interfaces[] = {\n");
	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++)
			buffer_printf(out, "\t&%s_dispatch,\n", model->classes[c]->interfaces[i]->name);
	}
	buffer_puts(out, "};\n\nstatic const ccw_typelib_class ");
	emit_library_identifier(out, model, false);
	buffer_puts(out, "_ccw_classes[] = {\n");
	for (size_t c = 0; c < model->class_count; c++) {
		const struct model_class *cls = model->classes[c];
		size_t default_index = 0;

		for (size_t i = 0; i < cls->interface_count; i++) {
			if (cls->interfaces[i] == cls->default_interface)
				default_index = i;
		}
		buffer_printf(out, "\t{ .name = \"%s\", .clsid = &CLSID_%s, .help = ", cls->name,
			      cls->name);
		emit_optional_string(out, cls->help);
		buffer_printf(out, ",\n\t  .creatable = %s, .interfaces = %s_ccw_interfaces, "
			      ".interface_count = %zu,\n\t  .default_interface = %zu },\n",
			      emit_class_is_creatable(cls) ? "true" : "false", cls->name,
			      cls->interface_count, default_index);
	}
	buffer_puts(out, "};\n\nstatic const GUID ");
	emit_library_identifier(out, model, false);
	buffer_puts(out, "_ccw_libid = ");
	emit_guid_initializer(out, &model->libid);
	buffer_puts(out, ";\n\nstatic const ccw_typelib ");
	emit_typelib_name(out, model);
	buffer_puts(out, " = {\n\t.name = ");
	emit_c_string(out, model->name);
	buffer_puts(out, ",\n\t.libid = &");
	emit_library_identifier(out, model, false);
	buffer_printf(out, "_ccw_libid,\n\t.version_major = %u,\n\t.version_minor = %u,\n"
		      "\t.interfaces = ", model->version_major, model->version_minor);
	emit_library_identifier(out, model, false);
	buffer_printf(out, "_ccw_all_interfaces,\n\t.interface_count = %zu,\n\t.classes = ",
		      interface_count);
	emit_library_identifier(out, model, false);
	buffer_printf(out, "_ccw_classes,\n\t.class_count = %zu,\n};\n", model->class_count);
}
