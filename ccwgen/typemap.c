/*
 * typemap.c - C types to COM and VARIANT types (DESIGN.md §5).
 */
#include "typemap.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *com_name;
	unsigned vt;
} kinds[COM_KIND_COUNT] = {
	[COM_BOOL] = { "VARIANT_BOOL", MODEL_VT_BOOL },
	[COM_I1] = { "CHAR", MODEL_VT_I1 },
	[COM_UI1] = { "BYTE", MODEL_VT_UI1 },
	[COM_I2] = { "SHORT", MODEL_VT_I2 },
	[COM_UI2] = { "USHORT", MODEL_VT_UI2 },
	[COM_I4] = { "LONG", MODEL_VT_I4 },
	[COM_UI4] = { "ULONG", MODEL_VT_UI4 },
	[COM_I8] = { "LONGLONG", MODEL_VT_I8 },
	[COM_UI8] = { "ULONGLONG", MODEL_VT_UI8 },
	[COM_R4] = { "FLOAT", MODEL_VT_R4 },
	[COM_R8] = { "DOUBLE", MODEL_VT_R8 },
	[COM_ENUM] = { "LONG", MODEL_VT_I4 },
	[COM_STRING] = { "BSTR", MODEL_VT_BSTR },
	[COM_BYTES] = { "SAFEARRAY(BYTE)", MODEL_VT_ARRAY | MODEL_VT_UI1 },
	[COM_OBJECT] = { NULL, MODEL_VT_DISPATCH }, /* named after the class's interface */
	[COM_BSTR] = { "BSTR", MODEL_VT_BSTR },
	[COM_VARIANT] = { "VARIANT", MODEL_VT_VARIANT },
	[COM_VARIANT_BOOL] = { "VARIANT_BOOL", MODEL_VT_BOOL },
	[COM_HRESULT] = { "HRESULT", MODEL_VT_ERROR },
	[COM_UNKNOWN] = { "IUnknown *", MODEL_VT_UNKNOWN },
	[COM_DISPATCH] = { "IDispatch *", MODEL_VT_DISPATCH },
};

void typemap_type_free(struct model_type *type)
{
	free(type->com_name);
	free(type->c_spelling);
	memset(type, 0, sizeof(*type));
}

static enum typemap_status fill(struct model_type *out, enum com_kind kind, const char *com_name,
				unsigned vt, const struct c_type *type)
{
	struct model_type result = { 0 };

	result.kind = kind;
	result.vt = vt;
	result.c_size = type->size;
	result.c_const = type->kind == C_POINTER && type->pointee->is_const;
	result.com_name = strdup(com_name);
	result.c_spelling = strdup(type->spelling);
	if (!result.com_name || !result.c_spelling) {
		typemap_type_free(&result);
		return TYPEMAP_NO_MEMORY;
	}
	*out = result;
	return TYPEMAP_OK;
}

static enum typemap_status fill_kind(struct model_type *out, enum com_kind kind,
				     const struct c_type *type)
{
	return fill(out, kind, kinds[kind].com_name, kinds[kind].vt, type);
}

static enum typemap_status map_integer(const struct c_type *type, struct model_type *out)
{
	static const enum com_kind by_size[2][4] = {
		{ COM_UI1, COM_UI2, COM_UI4, COM_UI8 },
		{ COM_I1, COM_I2, COM_I4, COM_I8 },
	};
	int index;

	switch (type->size) {
	case 1: index = 0; break;
	case 2: index = 1; break;
	case 4: index = 2; break;
	case 8: index = 3; break;
	default: return TYPEMAP_UNSUPPORTED;
	}
	return fill_kind(out, by_size[type->is_signed][index], type);
}

static enum typemap_status map_object(const struct c_type *type, const struct model *model,
				      struct model_type *out)
{
	const struct c_type *record = type->pointee;
	struct model_class *cls;
	struct model_interface *iface;
	char *com_name;
	enum typemap_status status;

	if (record->kind != C_RECORD || !record->record_tag)
		return TYPEMAP_UNSUPPORTED;
	cls = model_find_class_by_tag(model, record->record_tag);
	if (!cls || !cls->default_interface)
		return TYPEMAP_UNSUPPORTED;
	iface = cls->default_interface;
	com_name = malloc(strlen(iface->name) + 3);
	if (!com_name)
		return TYPEMAP_NO_MEMORY;
	sprintf(com_name, "%s *", iface->name);
	status = fill(out, COM_OBJECT, com_name,
		      iface->dual ? MODEL_VT_DISPATCH : MODEL_VT_UNKNOWN, type);
	free(com_name);
	if (status == TYPEMAP_OK)
		out->object_class = cls;
	return status;
}

enum typemap_status typemap_value(const struct c_type *type, const struct model *model,
				  struct model_type *out)
{
	switch (type->passthrough) {
	case PASS_BSTR: return fill_kind(out, COM_BSTR, type);
	case PASS_VARIANT: return fill_kind(out, COM_VARIANT, type);
	case PASS_VARIANT_BOOL: return fill_kind(out, COM_VARIANT_BOOL, type);
	case PASS_HRESULT: return fill_kind(out, COM_HRESULT, type);
	case PASS_IUNKNOWN: case PASS_IDISPATCH: return TYPEMAP_UNSUPPORTED; /* only by pointer */
	case PASS_NONE: break;
	}
	switch (type->kind) {
	case C_BOOL:
		return fill_kind(out, COM_BOOL, type);
	case C_INT:
		return map_integer(type, out);
	case C_FLOAT:
		if (type->size == 4)
			return fill_kind(out, COM_R4, type);
		if (type->size == 8)
			return fill_kind(out, COM_R8, type);
		return TYPEMAP_UNSUPPORTED;
	case C_ENUM:
		return fill_kind(out, COM_ENUM, type);
	case C_POINTER:
		if (type->pointee->passthrough == PASS_IUNKNOWN)
			return fill_kind(out, COM_UNKNOWN, type);
		if (type->pointee->passthrough == PASS_IDISPATCH)
			return fill_kind(out, COM_DISPATCH, type);
		if (type->pointee->kind == C_INT && type->pointee->is_char)
			return fill_kind(out, COM_STRING, type);
		return map_object(type, model, out);
	case C_VOID: case C_RECORD: case C_OTHER:
		break;
	}
	return TYPEMAP_UNSUPPORTED;
}

enum typemap_status typemap_bytes(const struct c_type *pointer, struct model_type *out)
{
	const struct c_type *element;

	if (pointer->kind != C_POINTER)
		return TYPEMAP_UNSUPPORTED;
	element = pointer->pointee;
	if (element->passthrough != PASS_NONE ||
	    !(element->kind == C_VOID || (element->kind == C_INT && element->size == 1)))
		return TYPEMAP_UNSUPPORTED;
	return fill_kind(out, COM_BYTES, pointer);
}

static bool parse_signed(const char *text, long long min, long long max,
			 struct typemap_default *out)
{
	char *end;
	long long value;

	errno = 0;
	value = strtoll(text, &end, 0);
	if (errno != 0 || end == text || *end || value < min || value > max)
		return false;
	out->form = TYPEMAP_DEFAULT_SIGNED;
	out->value.i8 = value;
	return true;
}

static bool parse_unsigned(const char *text, unsigned long long max, struct typemap_default *out)
{
	char *end;
	unsigned long long value;

	if (text[0] == '-')
		return false;
	errno = 0;
	value = strtoull(text, &end, 0);
	if (errno != 0 || end == text || *end || value > max)
		return false;
	out->form = TYPEMAP_DEFAULT_UNSIGNED;
	out->value.ui8 = value;
	return true;
}

/* A finite number only: the value is written into the generated C as a
 * literal, and C has none for infinity or NaN (nor has IDL). */
static bool parse_real(const char *text, struct typemap_default *out)
{
	char *end;
	double value;

	errno = 0;
	value = strtod(text, &end);
	if (errno != 0 || end == text || *end || !isfinite(value))
		return false;
	out->form = TYPEMAP_DEFAULT_REAL;
	out->value.r8 = value;
	return true;
}

static bool parse_bool(const char *text, struct typemap_default *out)
{
	out->form = TYPEMAP_DEFAULT_SIGNED;
	if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0)
		out->value.i8 = 1;
	else if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0)
		out->value.i8 = 0;
	else
		return false;
	return true;
}

static bool parse_number(enum com_kind kind, const char *text, struct typemap_default *out)
{
	switch (kind) {
	case COM_I1: return parse_signed(text, INT8_MIN, INT8_MAX, out);
	case COM_I2: return parse_signed(text, INT16_MIN, INT16_MAX, out);
	case COM_I4: case COM_ENUM: case COM_HRESULT:
		return parse_signed(text, INT32_MIN, INT32_MAX, out);
	case COM_I8: return parse_signed(text, LLONG_MIN, LLONG_MAX, out);
	case COM_UI1: return parse_unsigned(text, UINT8_MAX, out);
	case COM_UI2: return parse_unsigned(text, UINT16_MAX, out);
	case COM_UI4: return parse_unsigned(text, UINT32_MAX, out);
	case COM_UI8: return parse_unsigned(text, ULLONG_MAX, out);
	case COM_R4: case COM_R8: return parse_real(text, out);
	default: return false;
	}
}

bool typemap_default_parse(const struct model_type *type, const char *text,
			   struct typemap_default *out)
{
	struct typemap_default parsed = { .form = TYPEMAP_DEFAULT_ZERO };

	switch (type->kind) {
	case COM_BOOL: case COM_VARIANT_BOOL:
		if (*text && !parse_bool(text, &parsed))
			return false;
		break;
	case COM_I1: case COM_I2: case COM_I4: case COM_ENUM: case COM_HRESULT: case COM_I8:
	case COM_UI1: case COM_UI2: case COM_UI4: case COM_UI8: case COM_R4: case COM_R8:
		if (*text && !parse_number(type->kind, text, &parsed))
			return false;
		break;
	case COM_STRING: case COM_BSTR:
		parsed.form = TYPEMAP_DEFAULT_TEXT;
		parsed.value.text = text;
		break;
	case COM_VARIANT:
		break; /* an omitted VARIANT is always "missing"; its text is not used */
	case COM_BYTES: case COM_OBJECT: case COM_UNKNOWN: case COM_DISPATCH: case COM_KIND_COUNT:
		if (*text)
			return false;
		break;
	}
	*out = parsed;
	return true;
}

bool typemap_default_is_valid(const struct model_type *type, const char *text)
{
	struct typemap_default parsed;

	return typemap_default_parse(type, text, &parsed);
}
