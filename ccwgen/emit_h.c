/*
 * emit_h.c - NAME_ccw.h (docs/generated-code.md): what a client of the
 * component, or the component's own NAME_ccw.c, needs to call it.
 *
 * The header compiles as C99, C11 and C++ and, like Windows' own headers,
 * declares each interface twice: as a C++ abstract class, and as a C struct
 * with a vtable pointer plus IFace_Method(This, ...) call macros.
 */
#include "emit_h.h"

#include <stdlib.h>

#include "emit_common.h"

static void emit_guid_declaration(struct buffer *out, const char *prefix, const char *name,
				  const struct uuid *guid)
{
	char text[UUID_STRING_SIZE];

	uuid_format(guid, text);
	buffer_printf(out, "/* {%s} */\nDEFINE_GUID(%s%s, 0x%08x, 0x%04x, 0x%04x", text, prefix,
		      name, (unsigned)guid->data1, (unsigned)guid->data2, (unsigned)guid->data3);
	for (int i = 0; i < 8; i++)
		buffer_printf(out, ", 0x%02x", guid->data4[i]);
	buffer_puts(out, ");\n");
}

static void emit_cxx_method(struct buffer *out, const struct model_method *method)
{
	buffer_puts(out, "\tvirtual HRESULT STDMETHODCALLTYPE ");
	emit_vtbl_member(out, method);
	buffer_puts(out, "(");
	for (size_t i = 0; i < method->com_param_count; i++) {
		if (i)
			buffer_puts(out, ", ");
		emit_com_param(out, method->com_params[i]);
	}
	buffer_puts(out, method->com_param_count ? ") = 0;\n" : "void) = 0;\n");
}

static void emit_vtbl_slot(struct buffer *out, const struct model_interface *iface,
			   const struct model_method *method)
{
	buffer_printf(out, "\t/* %u */ HRESULT (STDMETHODCALLTYPE *", method->slot);
	emit_vtbl_member(out, method);
	buffer_printf(out, ")(%s *This", iface->name);
	for (size_t i = 0; i < method->com_param_count; i++) {
		buffer_puts(out, ", ");
		emit_com_param(out, method->com_params[i]);
	}
	buffer_puts(out, ");\n");
}

static void emit_call_macro(struct buffer *out, const char *iface, const char *member,
			    const char *const *params, size_t count)
{
	buffer_printf(out, "#define %s_%s(This", iface, member);
	for (size_t i = 0; i < count; i++)
		buffer_printf(out, ", %s", params[i]);
	buffer_printf(out, ") ((This)->lpVtbl->%s(This", member);
	for (size_t i = 0; i < count; i++)
		buffer_printf(out, ", %s", params[i]);
	buffer_puts(out, "))\n");
}

static void emit_method_call_macro(struct buffer *out, const struct model_interface *iface,
				   const struct model_method *method)
{
	const char **names = calloc(method->com_param_count + 1, sizeof(*names));
	struct buffer member;

	buffer_init(&member);
	emit_vtbl_member(&member, method);
	if (!names || member.failed) {
		out->failed = true;
	} else {
		for (size_t i = 0; i < method->com_param_count; i++)
			names[i] = method->com_params[i]->com_name;
		emit_call_macro(out, iface->name, member.data, names, method->com_param_count);
	}
	buffer_free(&member);
	free(names);
}

static void emit_call_macros(struct buffer *out, const struct model_interface *iface)
{
	static const char *const query[] = { "riid", "ppv" };
	static const char *const count[] = { "pctinfo" };
	static const char *const type_info[] = { "iTInfo", "lcid", "ppTInfo" };
	static const char *const ids[] = { "riid", "rgszNames", "cNames", "lcid", "rgDispId" };
	static const char *const invoke[] = { "dispIdMember", "riid", "lcid", "wFlags",
					      "pDispParams", "pVarResult", "pExcepInfo",
					      "puArgErr" };

	buffer_puts(out, "\n#if defined(COBJMACROS) && !defined(CCW_NO_CALL_MACROS)\n");
	emit_call_macro(out, iface->name, "QueryInterface", query, 2);
	emit_call_macro(out, iface->name, "AddRef", NULL, 0);
	emit_call_macro(out, iface->name, "Release", NULL, 0);
	if (iface->dual) {
		emit_call_macro(out, iface->name, "GetTypeInfoCount", count, 1);
		emit_call_macro(out, iface->name, "GetTypeInfo", type_info, 3);
		emit_call_macro(out, iface->name, "GetIDsOfNames", ids, 5);
		emit_call_macro(out, iface->name, "Invoke", invoke, 8);
	}
	for (size_t i = 0; i < iface->method_count; i++)
		emit_method_call_macro(out, iface, iface->methods[i]);
	buffer_puts(out, "#endif\n");
}

static void emit_interface(struct buffer *out, const struct model_interface *iface)
{
	char iid[UUID_STRING_SIZE];

	uuid_format(&iface->iid, iid);
	buffer_printf(out, "\n/* ---- %s: %s interface of %s {%s} */\n", iface->name,
		      iface->dual ? "dual" : "custom", iface->owner->name, iid);
	if (iface->help)
		buffer_printf(out, "/* %s */\n", iface->help);
	buffer_puts(out, "#if defined(__cplusplus) && !defined(CINTERFACE)\n");
	buffer_printf(out, "struct %s : public %s {\n", iface->name,
		      iface->dual ? "IDispatch" : "IUnknown");
	for (size_t i = 0; i < iface->method_count; i++)
		emit_cxx_method(out, iface->methods[i]);
	buffer_puts(out, "};\n#else\n");
	buffer_printf(out, "typedef struct %sVtbl {\n", iface->name);
	buffer_printf(out, "\tCCW_IUNKNOWN_METHODS(%s)\n", iface->name);
	if (iface->dual)
		buffer_printf(out, "\tCCW_IDISPATCH_METHODS(%s)\n", iface->name);
	for (size_t i = 0; i < iface->method_count; i++)
		emit_vtbl_slot(out, iface, iface->methods[i]);
	buffer_printf(out, "} %sVtbl;\n\n", iface->name);
	buffer_printf(out, "struct %s {\n\tCONST_VTBL struct %sVtbl *lpVtbl;\n};\n", iface->name,
		      iface->name);
	emit_call_macros(out, iface);
	buffer_puts(out, "#endif\n");
}

static void emit_class_functions(struct buffer *out, const struct model_class *cls)
{
	buffer_printf(out, "\n/* ---- %s (struct %s) */\n", cls->name, cls->c_tag);
	buffer_printf(out, "extern const ccw_class %s_ccw_class;\n\n", cls->c_tag);
	buffer_printf(out, "/*\n * Wraps an existing struct %s as a %s. With `owns`, the wrapper "
		      "takes it:\n", cls->c_tag, cls->name);
	if (cls->destructor)
		buffer_printf(out, " * %s runs at the final Release, or before this returns if it "
			      "fails.\n", cls->destructor);
	else
		buffer_puts(out, " * the class has no destructor, so nothing is freed.\n");
	buffer_puts(out, " * Without, the object is borrowed and must outlive the wrapper.\n */\n");
	buffer_printf(out, "HRESULT %s_ccw_wrap(struct %s *object, bool owns, REFIID riid, "
		      "void **out);\n", cls->c_tag, cls->c_tag);
	if (emit_class_is_creatable(cls)) {
		buffer_printf(out, "\n/* Creates a %s with %s, as its class factory does; `outer` "
			      "aggregates it\n * (then riid must be IID_IUnknown). */\n",
			      cls->name, cls->constructor);
		buffer_printf(out, "HRESULT %s_ccw_create(IUnknown *outer, REFIID riid, void **out);\n",
			      cls->c_tag);
	}
}

void emit_h(const struct model *model, struct buffer *out)
{
	emit_banner(out, model, "_ccw.h", "the COM interfaces and classes of the component");
	buffer_puts(out, "#ifndef ");
	emit_library_identifier(out, model, true);
	buffer_puts(out, "_CCW_H\n#define ");
	emit_library_identifier(out, model, true);
	buffer_puts(out, "_CCW_H\n\n#include <ccw/runtime.h>\n\n");
	buffer_puts(out, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");

	buffer_puts(out, "/* The interfaces, declared first: methods may take any of them. */\n");
	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++)
			buffer_printf(out, "typedef struct %s %s;\n",
				      model->classes[c]->interfaces[i]->name,
				      model->classes[c]->interfaces[i]->name);
	}
	buffer_puts(out, "\n/* The C library's structs behind the classes. */\n");
	for (size_t c = 0; c < model->class_count; c++)
		buffer_printf(out, "struct %s;\n", model->classes[c]->c_tag);

	buffer_puts(out, "\n");
	for (size_t c = 0; c < model->class_count; c++) {
		const struct model_class *cls = model->classes[c];

		emit_guid_declaration(out, "CLSID_", cls->name, &cls->clsid);
		for (size_t i = 0; i < cls->interface_count; i++)
			emit_guid_declaration(out, "IID_", cls->interfaces[i]->name,
					      &cls->interfaces[i]->iid);
	}

	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++)
			emit_interface(out, model->classes[c]->interfaces[i]);
	}

	buffer_puts(out, "\n/* ---- The component */\n\n");
	buffer_puts(out, "/* The class object (an IClassFactory) of a creatable class: "
		    "DllGetClassObject's work.\n * CLASS_E_CLASSNOTAVAILABLE for any other "
		    "CLSID. */\nHRESULT ");
	emit_library_identifier(out, model, false);
	buffer_puts(out, "_ccw_get_class_object(REFCLSID rclsid, REFIID riid, void **out);\n\n");
	buffer_puts(out, "/* DllCanUnloadNow's answer: S_OK when no object, class object or "
		    "LockServer\n * lock of the component is alive, else S_FALSE. */\nHRESULT ");
	emit_library_identifier(out, model, false);
	buffer_puts(out, "_ccw_can_unload_now(void);\n");
	for (size_t c = 0; c < model->class_count; c++)
		emit_class_functions(out, model->classes[c]);

	buffer_puts(out, "\n#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
}
