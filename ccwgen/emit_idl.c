/*
 * emit_idl.c - NAME.idl (docs/generated-code.md): the same interfaces as
 * NAME_ccw.h, in the IDL that MIDL and Wine's widl read, so that a type
 * library (.tlb) can be built for clients that want one.
 */
#include "emit_idl.h"

#include <string.h>

#include "emit_common.h"

static void idl_string(struct buffer *out, const char *text)
{
	buffer_puts(out, "\"");
	for (const char *p = text; *p; p++) {
		if (*p == '"' || *p == '\\')
			buffer_puts(out, "\\");
		buffer_append(out, p, 1);
	}
	buffer_puts(out, "\"");
}

static void idl_guid(struct buffer *out, const struct uuid *guid)
{
	char text[UUID_STRING_SIZE];

	uuid_format(guid, text);
	buffer_printf(out, "uuid(%s)", text);
}

/* The IDL spelling of a type: the model's COM name, except that an HRESULT
 * value is an Automation SCODE. */
static const char *idl_type(const struct model_type *type)
{
	return type->kind == COM_HRESULT ? "SCODE" : type->com_name;
}

static void emit_default_value(struct buffer *out, const struct model_param *param)
{
	const char *text = param->default_value;

	buffer_puts(out, ", defaultvalue(");
	if (param->type.kind == COM_STRING || param->type.kind == COM_BSTR)
		idl_string(out, text);
	else if (!*text || strcmp(text, "false") == 0)
		buffer_puts(out, "0");
	else if (strcmp(text, "true") == 0)
		buffer_puts(out, "-1"); /* VARIANT_TRUE */
	else if ((param->type.kind == COM_BOOL || param->type.kind == COM_VARIANT_BOOL) &&
		 strcmp(text, "1") == 0)
		buffer_puts(out, "-1");
	else
		buffer_puts(out, text);
	buffer_puts(out, ")");
}

static void emit_param(struct buffer *out, const struct model_param *param)
{
	static const char *const directions[] = {
		[DIR_IN] = "in", [DIR_OUT] = "out", [DIR_INOUT] = "in, out",
		[DIR_RETVAL] = "out, retval",
	};

	buffer_printf(out, "[%s", directions[param->direction]);
	if (param->optional)
		emit_default_value(out, param);
	buffer_puts(out, "] ");
	emit_declaration(out, idl_type(&param->type), param->direction == DIR_IN ? 0 : 1,
			 param->com_name);
}

static void emit_method(struct buffer *out, const struct model_method *method)
{
	bool first = true;

	buffer_puts(out, "\t[");
	if (method->kind != METHOD_PLAIN) {
		buffer_puts(out, method->kind == METHOD_PROPGET ? "propget" : "propput");
		first = false;
	}
	if (method->iface->dual) {
		buffer_printf(out, "%sid(%d)", first ? "" : ", ", method->dispid);
		first = false;
	}
	if (method->hidden) {
		buffer_printf(out, "%shidden", first ? "" : ", ");
		first = false;
	}
	if (method->help) {
		buffer_printf(out, "%shelpstring(", first ? "" : ", ");
		idl_string(out, method->help);
		buffer_puts(out, ")");
		first = false;
	}
	buffer_printf(out, "]\n\tHRESULT %s(", method->name);
	for (size_t i = 0; i < method->com_param_count; i++) {
		if (i)
			buffer_puts(out, ", ");
		emit_param(out, method->com_params[i]);
	}
	buffer_puts(out, method->com_param_count ? ");\n" : "void);\n");
}

static void emit_interface(struct buffer *out, const struct model_interface *iface)
{
	buffer_puts(out, "\n[\n\tobject,\n\t");
	idl_guid(out, &iface->iid);
	buffer_puts(out, ",\n");
	if (iface->dual)
		buffer_puts(out, "\tdual,\n");
	buffer_puts(out, "\toleautomation,\n");
	if (iface->hidden)
		buffer_puts(out, "\thidden,\n");
	if (iface->help) {
		buffer_puts(out, "\thelpstring(");
		idl_string(out, iface->help);
		buffer_puts(out, "),\n");
	}
	buffer_printf(out, "\tpointer_default(unique)\n]\ninterface %s : %s\n{\n", iface->name,
		      iface->dual ? "IDispatch" : "IUnknown");
	for (size_t i = 0; i < iface->method_count; i++)
		emit_method(out, iface->methods[i]);
	buffer_puts(out, "}\n");
}

static void emit_coclass(struct buffer *out, const struct model_class *cls)
{
	buffer_puts(out, "\n\t[\n\t\t");
	idl_guid(out, &cls->clsid);
	buffer_printf(out, ",\n\t\tversion(%u.%u)", cls->version_major, cls->version_minor);
	if (cls->help) {
		buffer_puts(out, ",\n\t\thelpstring(");
		idl_string(out, cls->help);
		buffer_puts(out, ")");
	}
	if (!emit_class_is_creatable(cls))
		buffer_puts(out, ",\n\t\tnoncreatable");
	if (cls->hidden)
		buffer_puts(out, ",\n\t\thidden");
	buffer_printf(out, "\n\t]\n\tcoclass %s\n\t{\n", cls->name);
	for (size_t i = 0; i < cls->interface_count; i++) {
		const struct model_interface *iface = cls->interfaces[i];

		buffer_printf(out, "\t\t%sinterface %s;\n",
			      iface == cls->default_interface ? "[default] " : "", iface->name);
	}
	buffer_puts(out, "\t};\n");
}

void emit_idl(const struct model *model, struct buffer *out)
{
	emit_banner(out, model, ".idl", "the type library of the component");
	buffer_puts(out, "import \"oaidl.idl\";\nimport \"ocidl.idl\";\n\n");
	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++)
			buffer_printf(out, "interface %s;\n", model->classes[c]->interfaces[i]->name);
	}
	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++)
			emit_interface(out, model->classes[c]->interfaces[i]);
	}
	buffer_puts(out, "\n[\n\t");
	idl_guid(out, &model->libid);
	buffer_printf(out, ",\n\tversion(%u.%u)\n]\nlibrary ", model->version_major,
		      model->version_minor);
	emit_library_identifier(out, model, false);
	buffer_puts(out, "\n{\n\timportlib(\"stdole2.tlb\");\n");
	for (size_t c = 0; c < model->class_count; c++)
		emit_coclass(out, model->classes[c]);
	buffer_puts(out, "};\n");
}
