/*
 * test_sidecar.c - annotations from the JSON sidecar, with their places.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "decls.h"
#include "diag.h"
#include "sidecar.h"

struct fixture {
	struct decl_set decls;
	struct diag_list diags;
};

/* struct ledger { double balance; }; int ledger_append(struct ledger *l,
 * const char *entry, size_t len); */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct c_struct *st;
	struct c_function *fn;
	char *tag, *name;

	assert_non_null(f);
	decl_set_init(&f->decls);
	diag_list_init(&f->diags);
	tag = strdup("ledger");
	assert_non_null(tag);
	st = decl_set_add_struct(&f->decls, tag);
	assert_non_null(st);
	st->defined = true;
	st->fields = calloc(1, sizeof(*st->fields));
	st->field_count = 1;
	st->fields[0].name = strdup("balance");
	name = strdup("ledger_append");
	assert_non_null(name);
	fn = decl_set_add_function(&f->decls, name);
	assert_non_null(fn);
	fn->params = calloc(3, sizeof(*fn->params));
	fn->param_count = 3;
	fn->params[0].name = strdup("l");
	fn->params[1].name = strdup("entry");
	fn->params[2].name = strdup("len");
	fn->order = 0;
	f->decls.next_order = 5;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	decl_set_free(&f->decls);
	diag_list_free(&f->diags);
	free(f);
	return 0;
}

static int apply(struct fixture *f, const char *text)
{
	return sidecar_apply("s.json", text, strlen(text), &f->decls, &f->diags);
}

static void expect_error(struct fixture *f, unsigned line, unsigned column, const char *part)
{
	for (size_t i = 0; i < f->diags.count; i++) {
		const struct diag *d = &f->diags.items[i];

		if (d->severity == DIAG_ERROR && d->where.line == line && d->where.column == column &&
		    strstr(d->message, part) && strcmp(d->where.file, "s.json") == 0)
			return;
	}
	for (size_t i = 0; i < f->diags.count; i++)
		print_message("got %u:%u %s\n", f->diags.items[i].where.line,
			      f->diags.items[i].where.column, f->diags.items[i].message);
	fail_msg("no error at %u:%u containing '%s'", line, column, part);
}

static void annotations_land_on_the_declarations(void **state)
{
	struct fixture *f = *state;
	struct c_struct *st = &f->decls.structs[0];
	struct c_function *fn = &f->decls.functions[0];
	const char *text =
		"{\n"
		"  \"classes\": { \"ledger\": { \"class\": \"progid=A.B\",\n"
		"    \"interfaces\": [\"ILedger dual\", \"IAudit custom\"],\n"
		"    \"properties\": { \"balance\": \"readonly\" } } },\n"
		"  \"functions\": { \"ledger_append\": { \"method\": \"name=Add\", \"result\": \"errno\",\n"
		"    \"params\": { \"entry\": \"in\", \"len\": \"in optional=4\" } } }\n"
		"}\n";

	assert_int_equal(apply(f, text), 0);
	assert_int_equal(f->diags.count, 0);
	assert_int_equal(st->annotations.count, 3);
	assert_int_equal(st->annotations.items[0].kind, ANN_CLASS);
	assert_string_equal(st->annotations.items[0].text, "progid=A.B");
	assert_true(st->annotations.items[0].from_sidecar);
	/* the value's place, and a column for each byte of the text */
	assert_int_equal(st->annotations.items[0].where.line, 2);
	assert_int_equal(st->annotations.items[0].where.column, 37);
	assert_int_equal(annotation_location_at(&st->annotations.items[0], 7).column, 45);
	assert_int_equal(st->annotations.items[1].kind, ANN_INTERFACE);
	assert_string_equal(st->annotations.items[2].text, "IAudit custom");
	assert_int_equal(st->fields[0].annotations.count, 1);
	assert_int_equal(st->fields[0].annotations.items[0].kind, ANN_PROPERTY);
	/* listed order: the property, then the function, after the header's */
	assert_int_equal(st->fields[0].order, 5);
	assert_int_equal(fn->order, 6);
	assert_int_equal(fn->annotations.count, 2);
	assert_int_equal(fn->annotations.items[0].kind, ANN_METHOD);
	assert_int_equal(fn->annotations.items[1].kind, ANN_RESULT);
	assert_string_equal(fn->annotations.items[1].text, "errno");
	assert_int_equal(fn->params[1].annotations.count, 1);
	assert_int_equal(fn->params[1].annotations.items[0].kind, ANN_IN);
	assert_int_equal(fn->params[2].annotations.count, 2);
	assert_int_equal(fn->params[2].annotations.items[1].kind, ANN_OPTIONAL);
	assert_string_equal(fn->params[2].annotations.items[1].text, "4");
	assert_int_equal(fn->params[2].annotations.items[1].where.line, 6);
	assert_int_equal(fn->params[2].annotations.items[1].where.column, 43);
}

static void escapes_keep_columns_in_step(void **state)
{
	struct fixture *f = *state;
	struct c_struct *st = &f->decls.structs[0];
	const char *text = "{\"classes\": {\"ledger\": {\"class\": \"help=\\\"\\u00e9\\\" x\"}}}";

	assert_int_equal(apply(f, text), 0);
	assert_string_equal(st->annotations.items[0].text, "help=\"\xc3\xa9\" x");
	/* text byte 0 is at column 35; \" takes two columns, é's two bytes one \u escape */
	assert_int_equal(annotation_location_at(&st->annotations.items[0], 0).column, 35);
	assert_int_equal(annotation_location_at(&st->annotations.items[0], 6).column, 42);
	assert_int_equal(annotation_location_at(&st->annotations.items[0], 7).column, 42);
	assert_int_equal(annotation_location_at(&st->annotations.items[0], 8).column, 48);
	assert_int_equal(annotation_location_at(&st->annotations.items[0], 10).column, 51);
}

static void invalid_json_is_reported_where_it_breaks(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(apply(f, "{\n  \"classes\": [1,,2]\n}\n"), -1);
	assert_int_equal(f->diags.errors, 1);
	assert_int_equal(f->diags.items[0].where.line, 2);
	assert_string_equal(f->diags.items[0].message, "sidecar: invalid JSON");
}

static void wrong_types_point_at_the_value(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(apply(f, "{\"classes\": {\"ledger\": {\"class\": true,\n"
				  " \"interfaces\": [\"I\", 3]}}}"), -1);
	expect_error(f, 1, 34, "classes.ledger.class must be a string, not a boolean");
	expect_error(f, 2, 22, "must be a string, not a number");
	assert_int_equal(f->diags.errors, 2);
}

static void names_the_header_lacks_are_errors_at_the_key(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(apply(f, "{\"classes\": {\"journal\": {}, \"ledger\": {\"properties\": "
				  "{\"debt\": \"\"}}},\n"
				  "\"functions\": {\"ledger_drop\": {}, \"ledger_append\": "
				  "{\"params\": {\"size\": \"in\"}}}}"), -1);
	expect_error(f, 1, 14, "no struct 'journal'");
	expect_error(f, 1, 55, "struct ledger has no field 'debt'");
	expect_error(f, 2, 15, "no function 'ledger_drop'");
	expect_error(f, 2, 63, "function ledger_append has no parameter 'size'");
	assert_int_equal(f->diags.errors, 4);
}

static void duplicate_and_unknown_keys(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(apply(f, "{\"classes\": {\"ledger\": {\"colour\": \"red\"}}, "
				  "\"functions\": {\"ledger_append\": {\"method\": \"\", "
				  "\"method\": \"\"}}, \"extra\": {}}"), -1);
	expect_error(f, 1, 25, "unknown key \"colour\" in classes.ledger");
	expect_error(f, 1, 90, "key \"method\" appears twice");
	expect_error(f, 1, 106, "unknown key \"extra\"");
	assert_int_equal(f->diags.errors, 3);
}

static void parameter_options_are_checked(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(apply(f, "{\"functions\": {\"ledger_append\": {\"params\": "
				  "{\"entry\": \"in sorted size_is\", \"len\": \"in \\\"\"}}}}"), -1);
	expect_error(f, 1, 58, "parameter option 'sorted'");
	expect_error(f, 1, 65, "parameter option 'size_is'");
	expect_error(f, 1, 86, "malformed parameter options");
}

static void a_declaration_annotated_in_the_header_cannot_be_annotated_again(void **state)
{
	struct fixture *f = *state;
	struct location where = { "h.h", 3, 1 };

	assert_non_null(annotation_list_add(&f->decls.functions[0].annotations, ANN_METHOD, "",
					    &where, NULL));
	assert_int_equal(apply(f, "{\"functions\": {\"ledger_append\": {\"method\": \"\"}}}"), -1);
	expect_error(f, 1, 16, "already annotated in the header");
}

static void a_missing_file_is_an_error(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(sidecar_load("/nonexistent/s.json", &f->decls, &f->diags), -1);
	assert_int_equal(f->diags.errors, 1);
	assert_non_null(strstr(f->diags.items[0].message, "cannot read the sidecar"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(annotations_land_on_the_declarations, setup, teardown),
		cmocka_unit_test_setup_teardown(escapes_keep_columns_in_step, setup, teardown),
		cmocka_unit_test_setup_teardown(invalid_json_is_reported_where_it_breaks, setup,
						teardown),
		cmocka_unit_test_setup_teardown(wrong_types_point_at_the_value, setup, teardown),
		cmocka_unit_test_setup_teardown(names_the_header_lacks_are_errors_at_the_key, setup,
						teardown),
		cmocka_unit_test_setup_teardown(duplicate_and_unknown_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(parameter_options_are_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(
			a_declaration_annotated_in_the_header_cannot_be_annotated_again, setup,
			teardown),
		cmocka_unit_test_setup_teardown(a_missing_file_is_an_error, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
