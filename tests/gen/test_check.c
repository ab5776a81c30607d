/*
 * test_check.c - the model and check stages when memory runs out, and the
 * name index they look names up in.
 *
 * The declarations of tests/golden/inplace/counter.h (two classes, two
 * interfaces, properties, objects, byte buffers, optional parameters) are
 * scanned once; then check_build_model and emit_json run again and again with
 * the 1st, 2nd, 3rd, ... allocation failing, until a run makes no allocation
 * that could fail. Each failing run must fail cleanly: no model or an error
 * reported, nothing leaked; the run that no failure reaches must give the
 * same JSON as the reference run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "decls.h"
#include "emit_json.h"
#include "fail_alloc.h"
#include "model.h"
#include "scan.h"
#include "util.h"

struct fixture {
	struct decl_set decls;
	char *reference; /* the JSON of an unhindered run */
};

static const struct check_options options = { "counter", false };

static char *model_json(const struct model *model)
{
	struct buffer out;
	char *copy;

	buffer_init(&out);
	emit_json(model, &out);
	assert_false(out.failed);
	copy = strdup(out.data);
	buffer_free(&out);
	assert_non_null(copy);
	return copy;
}

static int setup(void **state)
{
	static const char *const headers[] = { TEST_SOURCE_ROOT "/tests/golden/inplace/counter.h" };
	struct scan_options scan = { 0 };
	struct fixture *f = calloc(1, sizeof(*f));
	struct diag_list diags;
	struct model *model;

	assert_non_null(f);
	scan.headers = headers;
	scan.header_count = 1;
	scan.resource_dir = TEST_CLANG_RESOURCE_DIR[0] ? TEST_CLANG_RESOURCE_DIR : NULL;
	scan.include_dir = TEST_SOURCE_ROOT "/include";
	decl_set_init(&f->decls);
	diag_list_init(&diags);
	assert_int_equal(scan_headers(&scan, &f->decls, &diags), 0);
	model = check_build_model(&f->decls, &options, &diags);
	assert_non_null(model);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(model->class_count, 2);
	f->reference = model_json(model);
	model_free(model);
	diag_list_free(&diags);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	decl_set_free(&f->decls);
	free(f->reference);
	free(f);
	return 0;
}

/* Runs check_build_model with allocation `n` failing (and, with
 * `exhausted`, every one after it). Returns whether the failure was reached. */
static bool check_failing_at(const struct fixture *f, unsigned n, bool exhausted)
{
	struct diag_list diags;
	struct model *model;
	bool reached;

	diag_list_init(&diags);
	if (exhausted)
		fail_alloc_from(n);
	else
		fail_alloc_at(n);
	model = check_build_model(&f->decls, &options, &diags);
	reached = fail_alloc_disarm();
	if (reached) {
		/* The run must not pass for a good one. */
		assert_true(diags.errors > 0);
	} else {
		char *json;

		assert_non_null(model);
		assert_int_equal(diags.errors, 0);
		json = model_json(model);
		assert_string_equal(json, f->reference);
		free(json);
	}
	model_free(model);
	diag_list_free(&diags);
	return reached;
}

static void test_check_out_of_memory(void **state)
{
	const struct fixture *f = *state;
	unsigned n = 0;

	while (check_failing_at(f, n, false))
		n++;
	/* The model of counter.h takes hundreds of allocations. */
	assert_true(n > 100);
}

static void test_check_memory_exhausted(void **state)
{
	const struct fixture *f = *state;
	unsigned n = 0;

	while (check_failing_at(f, n, true))
		n++;
	assert_true(n > 100);
}

static void test_emit_json_out_of_memory(void **state)
{
	const struct fixture *f = *state;
	struct diag_list diags;
	struct model *model;
	bool reached = true;

	diag_list_init(&diags);
	model = check_build_model(&f->decls, &options, &diags);
	assert_non_null(model);
	for (unsigned n = 0; reached; n++) {
		long live = fail_alloc_live();
		struct buffer out;

		buffer_init(&out);
		fail_alloc_at(n);
		emit_json(model, &out);
		reached = fail_alloc_disarm();
		/* A failed allocation marks the buffer so it is never committed. */
		assert_int_equal(out.failed, reached);
		if (!reached)
			assert_string_equal(out.data, f->reference);
		buffer_free(&out);
		assert_int_equal(fail_alloc_live(), live);
	}
	model_free(model);
	diag_list_free(&diags);
}

/* model_add_class keeps its tag index in step with the class list, also when
 * an allocation fails on the way. */
static void test_model_add_class_out_of_memory(void **state)
{
	struct location where = { "x.h", 1, 1 };
	struct model *model = model_create("m");
	char tag[32];

	(void)state;
	assert_non_null(model);
	for (unsigned i = 0; i < 40; i++) {
		snprintf(tag, sizeof(tag), "tag%u", i);
		for (unsigned n = 0;; n++) {
			struct model_class *cls;
			bool reached;

			fail_alloc_at(n);
			cls = model_add_class(model, tag, &where);
			reached = fail_alloc_disarm();
			if (!reached) {
				assert_non_null(cls);
				break;
			}
			assert_null(cls);
			assert_int_equal(model->class_count, i);
			assert_null(model_find_class_by_tag(model, tag));
		}
		assert_ptr_equal(model_find_class_by_tag(model, tag), model->classes[i]);
	}
	for (unsigned i = 0; i < 40; i++) {
		snprintf(tag, sizeof(tag), "tag%u", i);
		assert_ptr_equal(model_find_class_by_tag(model, tag), model->classes[i]);
	}
	assert_null(model_find_class_by_tag(model, "tag40"));
	model_free(model);
}

/* decl_set_add_function: on failure the name stays the caller's and the set
 * is unchanged; on success the name is found. */
static void test_decl_set_add_out_of_memory(void **state)
{
	struct decl_set set;
	char name[32];

	(void)state;
	decl_set_init(&set);
	for (unsigned i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "fn_%u", i);
		for (unsigned n = 0;; n++) {
			char *copy = strdup(name);
			struct c_function *fn;
			struct c_struct *st;
			bool reached;

			assert_non_null(copy);
			fail_alloc_at(n);
			fn = decl_set_add_function(&set, copy);
			reached = fail_alloc_disarm();
			if (!reached) {
				assert_non_null(fn);
				assert_ptr_equal(fn->name, copy);
				copy = strdup(name);
				assert_non_null(copy);
				st = decl_set_add_struct(&set, copy);
				assert_non_null(st);
				break;
			}
			assert_null(fn);
			assert_int_equal(set.function_count, i);
			assert_null(decl_set_find_function(&set, name));
			free(copy);
		}
	}
	for (unsigned i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "fn_%u", i);
		assert_ptr_equal(decl_set_find_function(&set, name), &set.functions[i]);
		assert_ptr_equal(decl_set_find_struct(&set, name), &set.structs[i]);
	}
	assert_null(decl_set_find_function(&set, "fn_40"));
	assert_null(decl_set_find_struct(&set, "FN_1"));
	decl_set_free(&set);
}

/* The typed accessors give the class of an object value and the length of a
 * byte buffer (counter.h has both: a snapshot object returned, a `data`
 * buffer measured by `len`). */
static void test_typed_accessors(void **state)
{
	const struct fixture *f = *state;
	struct diag_list diags;
	struct model *model;
	bool object_seen = false, bytes_seen = false;

	diag_list_init(&diags);
	model = check_build_model(&f->decls, &options, &diags);
	assert_non_null(model);
	for (size_t c = 0; c < model->class_count; c++) {
		for (size_t i = 0; i < model->classes[c]->interface_count; i++) {
			const struct model_interface *iface = model->classes[c]->interfaces[i];

			for (size_t m = 0; m < iface->method_count; m++) {
				const struct model_method *method = iface->methods[m];

				for (size_t p = 0; p < method->com_param_count; p++) {
					const struct model_param *param = method->com_params[p];

					if (param->type.kind == COM_OBJECT) {
						assert_ptr_equal(model_type_object_class(&param->type),
								 param->type.object_class);
						assert_non_null(model_find_class_by_tag(
							model, model_type_object_class(&param->type)->c_tag));
						object_seen = true;
					}
					if (param->type.kind == COM_BYTES) {
						const struct model_param *length =
							model_param_size_param(param);

						assert_ptr_equal(length->length_of, param);
						assert_int_equal(length->com_index, -1);
						bytes_seen = true;
					}
				}
			}
		}
	}
	assert_true(object_seen);
	assert_true(bytes_seen);
	model_free(model);
	diag_list_free(&diags);
}

static void test_name_index(void **state)
{
	struct name_index exact, nocase;
	static char names[3000][16];
	size_t position;

	(void)state;
	name_index_init(&exact, false);
	name_index_init(&nocase, true);
	assert_false(name_index_get(&exact, "missing", &position));
	/* Enough names to grow the table many times. */
	for (size_t i = 0; i < 3000; i++) {
		snprintf(names[i], sizeof(names[i]), "Name%zu", i);
		assert_int_equal(name_index_put(&exact, names[i], i), 0);
		assert_int_equal(name_index_put(&nocase, names[i], i), 0);
	}
	assert_int_equal(exact.count, 3000);
	for (size_t i = 0; i < 3000; i++) {
		assert_true(name_index_get(&exact, names[i], &position));
		assert_int_equal(position, i);
	}
	assert_false(name_index_get(&exact, "name17", &position));
	assert_true(name_index_get(&nocase, "nAME17", &position));
	assert_int_equal(position, 17);
	assert_false(name_index_get(&nocase, "Name3000", &position));
	/* A second put of a key replaces its position; the count stays. */
	assert_int_equal(name_index_put(&nocase, "NAME5", 99), 0);
	assert_int_equal(nocase.count, 3000);
	assert_true(name_index_get(&nocase, "name5", &position));
	assert_int_equal(position, 99);
	name_index_free(&exact);
	name_index_free(&nocase);
	assert_false(name_index_get(&exact, "Name1", &position));
}

static void test_name_index_out_of_memory(void **state)
{
	struct name_index index;
	static char names[100][16];
	size_t position;

	(void)state;
	name_index_init(&index, false);
	for (size_t i = 0; i < 100; i++) {
		snprintf(names[i], sizeof(names[i]), "n%zu", i);
		fail_alloc_at(0);
		/* Only a put that must grow the table allocates. */
		if (name_index_put(&index, names[i], i) < 0) {
			assert_true(fail_alloc_disarm());
			assert_int_equal(index.count, i);
			assert_false(name_index_get(&index, names[i], &position));
			assert_int_equal(name_index_put(&index, names[i], i), 0);
		} else {
			assert_false(fail_alloc_disarm());
		}
	}
	for (size_t i = 0; i < 100; i++) {
		assert_true(name_index_get(&index, names[i], &position));
		assert_int_equal(position, i);
	}
	name_index_free(&index);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_check_out_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_memory_exhausted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_emit_json_out_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_typed_accessors, setup, teardown),
		cmocka_unit_test(test_model_add_class_out_of_memory),
		cmocka_unit_test(test_decl_set_add_out_of_memory),
		cmocka_unit_test(test_name_index),
		cmocka_unit_test(test_name_index_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
