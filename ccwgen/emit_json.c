/*
 * emit_json.c - the model as NAME.typelib.json (docs/typelib-json.md).
 *
 * Written directly rather than through cJSON_Print, whose tab indentation
 * and number formatting are not the documented format. Key order is fixed
 * here, so output bytes depend on the model only.
 */
#include "emit_json.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

struct json_writer {
	struct buffer *out;
	unsigned depth;
	bool first;     /* no member written yet at this depth */
	bool after_key; /* a key was written; the value follows on its line */
};

/* Ends the line (after a comma when `comma`) and indents the next one, in
 * one append for the depths the model reaches. */
static void new_line(struct json_writer *w, bool comma)
{
	static const char lines[] = ",\n                                ";
	size_t skip = comma ? 0 : 1, left = 2 * (size_t)w->depth;
	size_t n = left < sizeof(lines) - 3 ? left : sizeof(lines) - 3;

	buffer_append(w->out, lines + skip, 2 - skip + n);
	for (left -= n; left > 0; left -= n) {
		n = left < sizeof(lines) - 3 ? left : sizeof(lines) - 3;
		buffer_append(w->out, lines + 2, n);
	}
}

/* Starts a value: after a key it follows on the same line, else it is a new
 * array element. */
static void value_start(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0)
		new_line(w, !w->first);
	w->first = false;
}

/* The escape JSON needs for an ASCII byte, or NULL when it stands for itself
 * ("" for the control characters written as \u00XX). */
static const char *json_escape(unsigned char c)
{
	switch (c) {
	case '"': return "\\\"";
	case '\\': return "\\\\";
	case '\n': return "\\n";
	case '\t': return "\\t";
	case '\r': return "\\r";
	default: return c < 0x20 ? "" : NULL;
	}
}

/* A JSON string. Bytes that are not well-formed UTF-8 (a header's file name
 * may be anything) become U+FFFD, so the output is always valid JSON. */
static void write_string_body(struct json_writer *w, const char *s)
{
	const char *run = s, *p = s;
	size_t left = strlen(s);

	buffer_append(w->out, "\"", 1);
	while (left > 0) {
		unsigned char c = (unsigned char)*p;
		const char *escape = c < 0x80 ? json_escape(c) : NULL;
		bool valid = true;
		size_t n = c < 0x80 ? 1 : utf8_next(p, left, &valid);

		if (escape || !valid) {
			/* Plain bytes go out in runs; the rest one by one. */
			buffer_append(w->out, run, (size_t)(p - run));
			if (!valid)
				buffer_puts(w->out, "\xef\xbf\xbd"); /* U+FFFD: JSON must be UTF-8 */
			else if (*escape)
				buffer_puts(w->out, escape);
			else
				buffer_printf(w->out, "\\u%04x", c);
			run = p + n;
		}
		p += n;
		left -= n;
	}
	buffer_append(w->out, run, (size_t)(p - run));
	buffer_append(w->out, "\"", 1);
}

/* Keys are this file's own ASCII names: nothing to escape. */
static void key(struct json_writer *w, const char *name)
{
	new_line(w, !w->first);
	w->first = false;
	buffer_append(w->out, "\"", 1);
	buffer_puts(w->out, name);
	buffer_append(w->out, "\": ", 3);
	w->after_key = true;
}

static void open_container(struct json_writer *w, const char *bracket)
{
	value_start(w);
	buffer_puts(w->out, bracket);
	w->depth++;
	w->first = true;
}

static void close_container(struct json_writer *w, const char *bracket)
{
	bool empty = w->first;

	w->depth--;
	if (!empty)
		new_line(w, false);
	buffer_puts(w->out, bracket);
	w->first = false;
}

static void string_value(struct json_writer *w, const char *s)
{
	value_start(w);
	if (s)
		write_string_body(w, s);
	else
		buffer_puts(w->out, "null");
}

static void int_value(struct json_writer *w, long long n)
{
	char digits[24];
	size_t at = sizeof(digits);
	/* Through unsigned, so that LLONG_MIN negates without overflow. */
	unsigned long long magnitude = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;

	value_start(w);
	do {
		digits[--at] = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude);
	if (n < 0)
		digits[--at] = '-';
	buffer_append(w->out, digits + at, sizeof(digits) - at);
}

static void bool_value(struct json_writer *w, bool b)
{
	value_start(w);
	buffer_puts(w->out, b ? "true" : "false");
}

static void key_string(struct json_writer *w, const char *name, const char *s)
{
	key(w, name);
	string_value(w, s);
}

static void key_int(struct json_writer *w, const char *name, long long n)
{
	key(w, name);
	int_value(w, n);
}

static void key_bool(struct json_writer *w, const char *name, bool b)
{
	key(w, name);
	bool_value(w, b);
}

static void key_guid(struct json_writer *w, const char *name, const struct uuid *guid)
{
	char text[UUID_STRING_SIZE];

	uuid_format(guid, text);
	key_string(w, name, text);
}

static void key_version(struct json_writer *w, unsigned major, unsigned minor)
{
	char text[32];

	snprintf(text, sizeof(text), "%u.%u", major, minor);
	key_string(w, "version", text);
}

static void write_type(struct json_writer *w, const struct model_type *type)
{
	key_string(w, "type", type->com_name);
	key_string(w, "vt", vartype_name(type->vt));
	key_int(w, "vt_code", type->vt);
	key_string(w, "kind", com_kind_name(type->kind));
	key_string(w, "c_type", type->c_spelling);
	key_string(w, "class", type->kind == COM_OBJECT ? model_type_object_class(type)->name : NULL);
}

static void write_param(struct json_writer *w, const struct model_param *param)
{
	open_container(w, "{");
	key_string(w, "name", param->name);
	key_string(w, "direction", param_direction_name(param->direction));
	write_type(w, &param->type);
	key_int(w, "c_index", param->c_index);
	key_string(w, "c_param_type", param->c_spelling);
	key_bool(w, "optional", param->optional);
	key_string(w, "default", param->optional ? param->default_value : NULL);
	key(w, "size_is");
	if (param->type.kind == COM_BYTES) {
		const struct model_param *length = model_param_size_param(param);

		open_container(w, "{");
		key_string(w, "name", length->name);
		key_int(w, "c_index", length->c_index);
		key_string(w, "c_type", length->c_spelling);
		close_container(w, "}");
	} else {
		string_value(w, NULL);
	}
	key_string(w, "transfer", transfer_kind_name(param->transfer));
	close_container(w, "}");
}

static void write_method(struct json_writer *w, const struct model_method *method)
{
	open_container(w, "{");
	key_string(w, "name", method->name);
	key_string(w, "kind", method_kind_name(method->kind));
	key_int(w, "slot", method->slot);
	key(w, "dispid");
	if (method->iface->dual)
		int_value(w, method->dispid);
	else
		string_value(w, NULL);
	key_string(w, "c_function", method->c_function);
	key_string(w, "c_field", method->c_field);
	key_string(w, "self", !method->has_self ? "none" : method->self_const ? "const" : "mutable");
	key_string(w, "result", result_convention_name(method->result));
	key(w, "return");
	open_container(w, "{");
	key_string(w, "c_type", method->c_return_spelling);
	key_string(w, "role", return_role_name(method->return_role));
	close_container(w, "}");
	key_bool(w, "hidden", method->hidden);
	key_string(w, "help", method->help);
	key(w, "params");
	open_container(w, "[");
	for (size_t i = 0; i < method->com_param_count; i++)
		write_param(w, method->com_params[i]);
	close_container(w, "]");
	close_container(w, "}");
}

static void write_interface(struct json_writer *w, const struct model_interface *iface)
{
	open_container(w, "{");
	key_string(w, "name", iface->name);
	key_guid(w, "iid", &iface->iid);
	key_bool(w, "iid_derived", iface->iid_derived);
	key_string(w, "kind", iface->dual ? "dual" : "custom");
	key_bool(w, "default", iface->is_default);
	key_bool(w, "hidden", iface->hidden);
	key_string(w, "help", iface->help);
	key(w, "methods");
	open_container(w, "[");
	for (size_t i = 0; i < iface->method_count; i++)
		write_method(w, iface->methods[i]);
	close_container(w, "]");
	close_container(w, "}");
}

static void write_class(struct json_writer *w, const struct model_class *cls)
{
	open_container(w, "{");
	key_string(w, "name", cls->name);
	key_string(w, "c_struct", cls->c_tag);
	key_string(w, "progid", cls->progid);
	key_guid(w, "clsid", &cls->clsid);
	key_bool(w, "clsid_derived", cls->clsid_derived);
	key_version(w, cls->version_major, cls->version_minor);
	key_bool(w, "creatable", !cls->noncreatable);
	key_string(w, "threading", threading_model_name(cls->threading));
	key_bool(w, "hidden", cls->hidden);
	key_string(w, "help", cls->help);
	key_string(w, "constructor", cls->constructor);
	key_string(w, "destructor", cls->destructor);
	key_string(w, "default_interface",
		   cls->default_interface ? cls->default_interface->name : NULL);
	key(w, "interfaces");
	open_container(w, "[");
	for (size_t i = 0; i < cls->interface_count; i++)
		write_interface(w, cls->interfaces[i]);
	close_container(w, "]");
	close_container(w, "}");
}

void emit_json(const struct model *model, struct buffer *out)
{
	struct json_writer w = { out, 0, true, false };

	open_container(&w, "{");
	key_int(&w, "format", 1);
	key_string(&w, "generator", "ccwgen");
	key(&w, "library");
	open_container(&w, "{");
	key_string(&w, "name", model->name);
	key_guid(&w, "libid", &model->libid);
	key_version(&w, model->version_major, model->version_minor);
	key(&w, "headers");
	open_container(&w, "[");
	for (size_t i = 0; i < model->header_count; i++)
		string_value(&w, model->headers[i]);
	close_container(&w, "]");
	close_container(&w, "}");
	key(&w, "classes");
	open_container(&w, "[");
	for (size_t i = 0; i < model->class_count; i++)
		write_class(&w, model->classes[i]);
	close_container(&w, "]");
	close_container(&w, "}");
	buffer_puts(out, "\n");
}
