/*
 * test_typemap.c - C types to COM/VARIANT types (DESIGN.md §5).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "model.h"
#include "typemap.h"

static struct c_type scalar(enum c_type_kind kind, unsigned size, bool is_signed, const char *spelling)
{
	struct c_type type = { 0 };

	type.kind = kind;
	type.size = size;
	type.is_signed = is_signed;
	type.spelling = (char *)spelling;
	return type;
}

static void expect_mapping(const struct c_type *type, const struct model *model,
			   enum com_kind kind, const char *com_name, unsigned vt)
{
	struct model_type out;

	assert_int_equal(typemap_value(type, model, &out), TYPEMAP_OK);
	assert_int_equal(out.kind, kind);
	assert_string_equal(out.com_name, com_name);
	assert_int_equal(out.vt, vt);
	assert_string_equal(out.c_spelling, type->spelling);
	typemap_type_free(&out);
}

static void integers_map_by_size_and_signedness(void **state)
{
	static const struct {
		unsigned size;
		bool is_signed;
		enum com_kind kind;
		const char *name;
		unsigned vt;
	} cases[] = {
		{ 1, true, COM_I1, "CHAR", MODEL_VT_I1 },
		{ 1, false, COM_UI1, "BYTE", MODEL_VT_UI1 },
		{ 2, true, COM_I2, "SHORT", MODEL_VT_I2 },
		{ 2, false, COM_UI2, "USHORT", MODEL_VT_UI2 },
		{ 4, true, COM_I4, "LONG", MODEL_VT_I4 },
		{ 4, false, COM_UI4, "ULONG", MODEL_VT_UI4 },
		{ 8, true, COM_I8, "LONGLONG", MODEL_VT_I8 },
		{ 8, false, COM_UI8, "ULONGLONG", MODEL_VT_UI8 },
	};
	struct model *model = model_create("t");

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct c_type type = scalar(C_INT, cases[i].size, cases[i].is_signed, "long");

		expect_mapping(&type, model, cases[i].kind, cases[i].name, cases[i].vt);
	}
	model_free(model);
}

static void a_16_byte_integer_is_unsupported(void **state)
{
	struct c_type type = scalar(C_INT, 16, true, "__int128");
	struct model_type out;

	(void)state;
	assert_int_equal(typemap_value(&type, NULL, &out), TYPEMAP_UNSUPPORTED);
}

static void floats_bools_and_enums(void **state)
{
	struct c_type f4 = scalar(C_FLOAT, 4, true, "float");
	struct c_type f8 = scalar(C_FLOAT, 8, true, "double");
	struct c_type f16 = scalar(C_FLOAT, 16, true, "long double");
	struct c_type b = scalar(C_BOOL, 1, false, "bool");
	struct c_type e = scalar(C_ENUM, 4, false, "enum mode");
	struct model_type out;

	(void)state;
	expect_mapping(&f4, NULL, COM_R4, "FLOAT", MODEL_VT_R4);
	expect_mapping(&f8, NULL, COM_R8, "DOUBLE", MODEL_VT_R8);
	expect_mapping(&b, NULL, COM_BOOL, "VARIANT_BOOL", MODEL_VT_BOOL);
	expect_mapping(&e, NULL, COM_ENUM, "LONG", MODEL_VT_I4);
	assert_int_equal(typemap_value(&f16, NULL, &out), TYPEMAP_UNSUPPORTED);
}

static void char_pointers_are_strings_with_constness(void **state)
{
	struct c_type ch = scalar(C_INT, 1, true, "const char");
	struct c_type ptr = scalar(C_POINTER, 8, false, "const char *");
	struct model_type out;

	(void)state;
	ch.is_char = true;
	ch.is_const = true;
	ptr.pointee = &ch;
	assert_int_equal(typemap_value(&ptr, NULL, &out), TYPEMAP_OK);
	assert_int_equal(out.kind, COM_STRING);
	assert_string_equal(out.com_name, "BSTR");
	assert_int_equal(out.vt, MODEL_VT_BSTR);
	assert_true(out.c_const);
	typemap_type_free(&out);

	/* unsigned char * is bytes, not a string */
	ch.is_char = false;
	assert_int_equal(typemap_value(&ptr, NULL, &out), TYPEMAP_UNSUPPORTED);
}

static void pass_through_names(void **state)
{
	struct c_type bstr = scalar(C_POINTER, 8, false, "BSTR");
	struct c_type olechar = scalar(C_INT, 2, false, "OLECHAR");
	struct c_type hr = scalar(C_INT, 4, true, "HRESULT");
	struct c_type variant = scalar(C_RECORD, 24, false, "VARIANT");
	struct c_type unk = scalar(C_RECORD, 0, false, "IUnknown");
	struct c_type unk_ptr = scalar(C_POINTER, 8, false, "IUnknown *");
	struct c_type disp = scalar(C_RECORD, 0, false, "IDispatch");
	struct c_type disp_ptr = scalar(C_POINTER, 8, false, "IDispatch *");
	struct model_type out;

	(void)state;
	bstr.pointee = &olechar;
	bstr.passthrough = PASS_BSTR;
	hr.passthrough = PASS_HRESULT;
	variant.passthrough = PASS_VARIANT;
	unk.passthrough = PASS_IUNKNOWN;
	unk_ptr.pointee = &unk;
	disp.passthrough = PASS_IDISPATCH;
	disp_ptr.pointee = &disp;
	expect_mapping(&bstr, NULL, COM_BSTR, "BSTR", MODEL_VT_BSTR);
	expect_mapping(&hr, NULL, COM_HRESULT, "HRESULT", MODEL_VT_ERROR);
	expect_mapping(&variant, NULL, COM_VARIANT, "VARIANT", MODEL_VT_VARIANT);
	expect_mapping(&unk_ptr, NULL, COM_UNKNOWN, "IUnknown *", MODEL_VT_UNKNOWN);
	expect_mapping(&disp_ptr, NULL, COM_DISPATCH, "IDispatch *", MODEL_VT_DISPATCH);
	/* an interface by value is not a thing */
	assert_int_equal(typemap_value(&unk, NULL, &out), TYPEMAP_UNSUPPORTED);
}

static void class_pointers_become_the_default_interface(void **state)
{
	struct location where = { "t.h", 1, 1 };
	struct model *model = model_create("t");
	struct model_class *cls = model_add_class(model, "widget", &where);
	struct model_interface *iface;
	struct c_type record = scalar(C_RECORD, 0, false, "struct widget");
	struct c_type ptr = scalar(C_POINTER, 8, false, "struct widget *");
	struct c_type other = scalar(C_RECORD, 0, false, "struct gadget");
	struct c_type other_ptr = scalar(C_POINTER, 8, false, "struct gadget *");
	struct model_type out;

	(void)state;
	iface = model_class_add_interface(cls, "IWidget", &where);
	cls->default_interface = iface;
	record.record_tag = "widget";
	ptr.pointee = &record;
	other.record_tag = "gadget";
	other_ptr.pointee = &other;

	assert_int_equal(typemap_value(&ptr, model, &out), TYPEMAP_OK);
	assert_int_equal(out.kind, COM_OBJECT);
	assert_string_equal(out.com_name, "IWidget *");
	assert_int_equal(out.vt, MODEL_VT_DISPATCH);
	assert_ptr_equal(out.object_class, cls);
	typemap_type_free(&out);

	/* a custom default interface is only an IUnknown to late binding */
	iface->dual = false;
	expect_mapping(&ptr, model, COM_OBJECT, "IWidget *", MODEL_VT_UNKNOWN);

	/* a struct that is not a class has no COM type */
	assert_int_equal(typemap_value(&other_ptr, model, &out), TYPEMAP_UNSUPPORTED);
	model_free(model);
}

static void size_is_needs_bytes(void **state)
{
	struct c_type byte = scalar(C_INT, 1, false, "const unsigned char");
	struct c_type ptr = scalar(C_POINTER, 8, false, "const unsigned char *");
	struct c_type v = scalar(C_VOID, 0, false, "void");
	struct c_type vptr = scalar(C_POINTER, 8, false, "void *");
	struct c_type i = scalar(C_INT, 4, true, "int");
	struct c_type iptr = scalar(C_POINTER, 8, false, "int *");
	struct model_type out;

	(void)state;
	byte.is_const = true;
	ptr.pointee = &byte;
	vptr.pointee = &v;
	iptr.pointee = &i;
	assert_int_equal(typemap_bytes(&ptr, &out), TYPEMAP_OK);
	assert_int_equal(out.kind, COM_BYTES);
	assert_string_equal(out.com_name, "SAFEARRAY(BYTE)");
	assert_int_equal(out.vt, MODEL_VT_ARRAY | MODEL_VT_UI1);
	assert_true(out.c_const);
	typemap_type_free(&out);
	assert_int_equal(typemap_bytes(&vptr, &out), TYPEMAP_OK);
	assert_false(out.c_const);
	typemap_type_free(&out);
	assert_int_equal(typemap_bytes(&iptr, &out), TYPEMAP_UNSUPPORTED);
	assert_int_equal(typemap_bytes(&i, &out), TYPEMAP_UNSUPPORTED);
}

static void optional_defaults_are_checked_against_the_type(void **state)
{
	struct model_type t = { 0 };

	(void)state;
	assert_true(typemap_default_is_valid(&t, "")); /* zero of any type */
	t.kind = COM_I1;
	assert_true(typemap_default_is_valid(&t, "-128"));
	assert_false(typemap_default_is_valid(&t, "128"));
	t.kind = COM_UI2;
	assert_true(typemap_default_is_valid(&t, "0xffff"));
	assert_false(typemap_default_is_valid(&t, "-1"));
	t.kind = COM_I4;
	assert_true(typemap_default_is_valid(&t, "2147483647"));
	assert_false(typemap_default_is_valid(&t, "2147483648"));
	assert_false(typemap_default_is_valid(&t, "12abc"));
	t.kind = COM_R8;
	assert_true(typemap_default_is_valid(&t, "2.5e3"));
	assert_false(typemap_default_is_valid(&t, "fast"));
	t.kind = COM_BOOL;
	assert_true(typemap_default_is_valid(&t, "true"));
	assert_false(typemap_default_is_valid(&t, "yes"));
	t.kind = COM_STRING;
	assert_true(typemap_default_is_valid(&t, "any text at all"));
	t.kind = COM_OBJECT;
	assert_false(typemap_default_is_valid(&t, "x"));
	/* No C literal (nor IDL) spells an infinity or a NaN. */
	t.kind = COM_R8;
	assert_false(typemap_default_is_valid(&t, "inf"));
	assert_false(typemap_default_is_valid(&t, "nan"));
}

/* The typed value the dispatch table carries, so the runtime parses nothing. */
static void optional_defaults_parse_to_typed_values(void **state)
{
	struct model_type t = { 0 };
	struct typemap_default parsed;

	(void)state;
	t.kind = COM_I8;
	assert_true(typemap_default_parse(&t, "-9223372036854775808", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_SIGNED);
	assert_true(parsed.value.i8 == LLONG_MIN);
	assert_true(typemap_default_parse(&t, "", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_ZERO);
	t.kind = COM_UI8;
	assert_true(typemap_default_parse(&t, "18446744073709551615", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_UNSIGNED);
	assert_true(parsed.value.ui8 == ULLONG_MAX);
	t.kind = COM_R4;
	assert_true(typemap_default_parse(&t, "0x1p-2", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_REAL);
	assert_true(parsed.value.r8 == 0.25);
	t.kind = COM_VARIANT_BOOL;
	assert_true(typemap_default_parse(&t, "true", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_SIGNED);
	assert_int_equal(parsed.value.i8, 1);
	assert_true(typemap_default_parse(&t, "0", &parsed));
	assert_int_equal(parsed.value.i8, 0);
	t.kind = COM_BSTR;
	assert_true(typemap_default_parse(&t, "1.5", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_TEXT);
	assert_string_equal(parsed.value.text, "1.5");
	t.kind = COM_VARIANT; /* an omitted VARIANT is "missing", whatever its text */
	assert_true(typemap_default_parse(&t, "3", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_ZERO);
	/* Rejected: `out` keeps what it held. */
	t.kind = COM_I2;
	assert_false(typemap_default_parse(&t, "40000", &parsed));
	assert_int_equal(parsed.form, TYPEMAP_DEFAULT_ZERO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(integers_map_by_size_and_signedness),
		cmocka_unit_test(a_16_byte_integer_is_unsupported),
		cmocka_unit_test(floats_bools_and_enums),
		cmocka_unit_test(char_pointers_are_strings_with_constness),
		cmocka_unit_test(pass_through_names),
		cmocka_unit_test(class_pointers_become_the_default_interface),
		cmocka_unit_test(size_is_needs_bytes),
		cmocka_unit_test(optional_defaults_are_checked_against_the_type),
		cmocka_unit_test(optional_defaults_parse_to_typed_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
