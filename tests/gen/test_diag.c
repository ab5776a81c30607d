/*
 * test_diag.c - collecting, counting, sorting (stably) and printing
 * diagnostics as text and as JSON, and what happens without memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "diag.h"
#include "fail_alloc.h"

/* Prints into a malloc'd string. */
static char *print_to_string(const struct diag_list *list, enum diag_format format)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	assert_non_null(out);
	diag_list_print(list, format, out);
	assert_int_equal(fclose(out), 0);
	return text;
}

static void test_init_and_free(void **state)
{
	struct diag_list list;
	const struct location where = { "a.h", 1, 2 };

	(void)state;
	memset(&list, 0xa5, sizeof(list));
	diag_list_init(&list);
	assert_null(list.items);
	assert_int_equal(list.count, 0);
	assert_int_equal(list.capacity, 0);
	assert_int_equal(list.errors, 0);

	diag_error(&list, &where, "x");
	diag_list_free(&list);
	assert_null(list.items);
	assert_int_equal(list.count, 0);
	assert_int_equal(list.errors, 0);
	diag_list_free(&list); /* freeing an empty list is harmless */
}

static void test_report_copies_and_counts(void **state)
{
	struct diag_list list;
	char file[] = "dir/widget.h";
	struct location where = { file, 12, 7 };

	(void)state;
	diag_list_init(&list);
	diag_error(&list, &where, "unknown type '%s' in %d place%s", "wchar_t", 2, "s");
	diag_warning(&list, &where, "no GUID for %s", "IWidget");
	file[0] = 'X'; /* the list keeps its own copy of the name */
	where.line = 99;

	assert_int_equal(list.count, 2);
	assert_int_equal(list.errors, 1);
	assert_string_equal(list.items[0].where.file, "dir/widget.h");
	assert_ptr_not_equal(list.items[0].where.file, file);
	assert_int_equal(list.items[0].where.line, 12);
	assert_int_equal(list.items[0].where.column, 7);
	assert_int_equal(list.items[0].severity, DIAG_ERROR);
	assert_string_equal(list.items[0].message, "unknown type 'wchar_t' in 2 places");
	assert_int_equal(list.items[1].severity, DIAG_WARNING);
	assert_string_equal(list.items[1].message, "no GUID for IWidget");

	/* Many more, past the first growth of the array. */
	for (int i = 0; i < 100; i++)
		diag_error(&list, &where, "%d", i);
	assert_int_equal(list.count, 102);
	assert_int_equal(list.errors, 101);
	assert_string_equal(list.items[101].message, "99");
	diag_list_free(&list);
}

static void test_report_without_location(void **state)
{
	struct diag_list list;
	const struct location no_file = { NULL, 3, 4 };

	(void)state;
	diag_list_init(&list);
	diag_error(&list, NULL, "no input files");
	diag_warning(&list, &no_file, "ignored");
	assert_int_equal(list.count, 2);
	assert_int_equal(list.errors, 1);
	assert_null(list.items[0].where.file);
	assert_int_equal(list.items[0].where.line, 0);
	assert_int_equal(list.items[0].where.column, 0);
	assert_null(list.items[1].where.file);
	assert_int_equal(list.items[1].where.line, 3);
	diag_list_free(&list);
}

static void test_sort_order(void **state)
{
	struct diag_list list;
	const struct location places[] = {
		{ "b.h", 5, 1 }, { "a.h", 1, 9 }, { "b.h", 1, 0 }, { NULL, 0, 0 },
		{ "a.h", 0, 0 }, { "a.h", 1, 2 }, { "b.h", 5, 1 }, { "c.h", 1, 1 },
	};
	/* b.h first (reported first), then a.h, then no file, then c.h; within
	 * a file by line and column; the two b.h:5:1 in report order. */
	static const char *const sorted[] = { "2", "0", "6", "4", "5", "1", "3", "7" };

	(void)state;
	diag_list_init(&list);
	for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++)
		diag_warning(&list, &places[i], "%zu", i);
	diag_list_sort(&list);
	for (size_t i = 0; i < sizeof(sorted) / sizeof(sorted[0]); i++)
		assert_string_equal(list.items[i].message, sorted[i]);
	assert_int_equal(list.count, 8);

	/* Sorting again changes nothing. */
	diag_list_sort(&list);
	for (size_t i = 0; i < sizeof(sorted) / sizeof(sorted[0]); i++)
		assert_string_equal(list.items[i].message, sorted[i]);
	diag_list_free(&list);
}

static void test_sort_small(void **state)
{
	struct diag_list list;
	const struct location where = { "a.h", 2, 1 };

	(void)state;
	diag_list_init(&list);
	diag_list_sort(&list);
	assert_int_equal(list.count, 0);
	diag_error(&list, &where, "only");
	diag_list_sort(&list);
	assert_int_equal(list.count, 1);
	assert_string_equal(list.items[0].message, "only");
	diag_list_free(&list);
}

/* Many equal keys: qsort alone is not stable, so this fails if the report
 * order is not the final tie-break. */
static void test_sort_stable_at_scale(void **state)
{
	static const char *const files[] = { "e.h", "d.h", "c.h", "b.h", "a.h" };
	struct diag_list list;
	size_t rank[5];
	unsigned n = 3000, state_rng = 12345;

	(void)state;
	diag_list_init(&list);
	for (size_t f = 0; f < 5; f++)
		rank[f] = SIZE_MAX;
	for (unsigned i = 0; i < n; i++) {
		struct location where;
		size_t f;

		state_rng = state_rng * 1103515245u + 12345u;
		f = (state_rng >> 16) % 5;
		if (rank[f] == SIZE_MAX)
			rank[f] = i;
		where.file = files[f];
		where.line = (state_rng >> 8) % 4;
		where.column = (state_rng >> 4) % 3;
		diag_error(&list, &where, "%u", i);
	}
	diag_list_sort(&list);
	assert_int_equal(list.count, n);
	assert_int_equal(list.errors, n);

	for (size_t i = 1; i < n; i++) {
		const struct diag *a = &list.items[i - 1], *b = &list.items[i];
		size_t ra = 0, rb = 0;

		for (size_t f = 0; f < 5; f++) {
			if (strcmp(a->where.file, files[f]) == 0)
				ra = rank[f];
			if (strcmp(b->where.file, files[f]) == 0)
				rb = rank[f];
		}
		assert_true(ra <= rb);
		if (ra < rb)
			continue;
		assert_true(a->where.line <= b->where.line);
		if (a->where.line < b->where.line)
			continue;
		assert_true(a->where.column <= b->where.column);
		if (a->where.column == b->where.column)
			assert_true(strtoul(a->message, NULL, 10) < strtoul(b->message, NULL, 10));
	}
	diag_list_free(&list);
}

static void test_print_text(void **state)
{
	struct diag_list list;
	const struct location full = { "a.h", 3, 14 };
	const struct location line_only = { "a.h", 3, 0 };
	const struct location file_only = { "sidecar.json", 0, 5 };
	char *text;

	(void)state;
	diag_list_init(&list);
	text = print_to_string(&list, DIAG_FORMAT_TEXT);
	assert_string_equal(text, "");
	free(text);

	diag_error(&list, &full, "bad '%s'", "x");
	diag_warning(&list, &line_only, "odd");
	diag_error(&list, &file_only, "unknown name");
	diag_warning(&list, NULL, "no location");
	text = print_to_string(&list, DIAG_FORMAT_TEXT);
	assert_string_equal(text, "a.h:3:14: error: bad 'x'\n"
				  "a.h:3: warning: odd\n"
				  "sidecar.json: error: unknown name\n"
				  "ccwgen: warning: no location\n");
	free(text);
	diag_list_free(&list);
}

static void test_print_json(void **state)
{
	struct diag_list list;
	const struct location where = { "dir/\xc3\xa4.h", 3, 14 };
	const struct location bad_name = { "bad\xff.h", 0, 0 };
	cJSON *root, *item;
	char *text;

	(void)state;
	diag_list_init(&list);
	text = print_to_string(&list, DIAG_FORMAT_JSON);
	assert_string_equal(text, "[]\n");
	free(text);

	diag_error(&list, &where, "say \"hi\" \\ path\nnext\tline \x01 end \xc3\xa9");
	diag_warning(&list, &bad_name, "bytes \xff\xfe and \xe2\x82 cut");
	diag_error(&list, NULL, "no file");
	text = print_to_string(&list, DIAG_FORMAT_JSON);

	/* Escapes as JSON requires them, raw UTF-8 kept. */
	assert_non_null(strstr(text, "say \\\"hi\\\" \\\\ path\\nnext\\tline \\u0001 end \xc3\xa9"));
	assert_int_equal(text[strlen(text) - 1], '\n');

	root = cJSON_Parse(text);
	assert_non_null(root);
	assert_true(cJSON_IsArray(root));
	assert_int_equal(cJSON_GetArraySize(root), 3);

	item = cJSON_GetArrayItem(root, 0);
	assert_string_equal(cJSON_GetObjectItem(item, "file")->valuestring, "dir/\xc3\xa4.h");
	assert_int_equal(cJSON_GetObjectItem(item, "line")->valueint, 3);
	assert_int_equal(cJSON_GetObjectItem(item, "column")->valueint, 14);
	assert_string_equal(cJSON_GetObjectItem(item, "severity")->valuestring, "error");
	assert_string_equal(cJSON_GetObjectItem(item, "message")->valuestring,
			    "say \"hi\" \\ path\nnext\tline \x01 end \xc3\xa9");

	/* Ill-formed bytes, in the message and the file name, became U+FFFD. */
	item = cJSON_GetArrayItem(root, 1);
	assert_string_equal(cJSON_GetObjectItem(item, "file")->valuestring, "bad\xef\xbf\xbd.h");
	assert_int_equal(cJSON_GetObjectItem(item, "line")->valueint, 0);
	assert_string_equal(cJSON_GetObjectItem(item, "severity")->valuestring, "warning");
	assert_string_equal(cJSON_GetObjectItem(item, "message")->valuestring,
			    "bytes \xef\xbf\xbd\xef\xbf\xbd and \xef\xbf\xbd cut");

	item = cJSON_GetArrayItem(root, 2);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(item, "file")));
	assert_string_equal(cJSON_GetObjectItem(item, "message")->valuestring, "no file");

	cJSON_Delete(root);
	free(text);
	diag_list_free(&list);
}

/* A warning that cannot be kept still makes the run fail. */
static void test_report_out_of_memory(void **state)
{
	struct diag_list list;
	const struct location where = { "a.h", 1, 1 };
	char *text;

	(void)state;
	diag_list_init(&list);
	diag_warning(&list, &where, "first");

	/* Allocation 0 is the message, 1 the file name. */
	for (unsigned n = 0; n < 2; n++) {
		fail_alloc_at(n);
		diag_warning(&list, &where, "lost %u", n);
		assert_true(fail_alloc_disarm());
	}
	assert_int_equal(list.count, 3);
	assert_int_equal(list.errors, 2);
	for (size_t i = 1; i < 3; i++) {
		assert_int_equal(list.items[i].severity, DIAG_ERROR);
		assert_string_equal(list.items[i].message, "out of memory");
		assert_null(list.items[i].where.file);
	}
	text = print_to_string(&list, DIAG_FORMAT_TEXT);
	assert_string_equal(text, "a.h:1:1: warning: first\n"
				  "ccwgen: error: out of memory\n"
				  "ccwgen: error: out of memory\n");
	free(text);
	diag_list_free(&list); /* must not free the fixed message */
}

static void test_list_growth_out_of_memory(void **state)
{
	struct diag_list list;
	const struct location where = { "a.h", 1, 1 };
	char *text;
	cJSON *root, *item;

	(void)state;
	diag_list_init(&list);
	fail_alloc_at(0);
	diag_warning(&list, &where, "never kept");
	assert_true(fail_alloc_disarm());
	assert_int_equal(list.count, 0);
	assert_int_equal(list.errors, 1);

	diag_warning(&list, &where, "kept");
	text = print_to_string(&list, DIAG_FORMAT_TEXT);
	assert_string_equal(text, "a.h:1:1: warning: kept\n"
				  "ccwgen: error: out of memory: 1 diagnostic(s) lost\n");
	free(text);

	text = print_to_string(&list, DIAG_FORMAT_JSON);
	root = cJSON_Parse(text);
	assert_non_null(root);
	assert_int_equal(cJSON_GetArraySize(root), 2);
	item = cJSON_GetArrayItem(root, 1);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(item, "file")));
	assert_string_equal(cJSON_GetObjectItem(item, "severity")->valuestring, "error");
	assert_string_equal(cJSON_GetObjectItem(item, "message")->valuestring, "out of memory");
	cJSON_Delete(root);
	free(text);
	diag_list_free(&list);
}

static void test_sort_out_of_memory(void **state)
{
	struct diag_list list;
	const struct location later = { "a.h", 9, 1 }, earlier = { "a.h", 1, 1 };

	(void)state;
	for (unsigned n = 0; n < 2; n++) {
		diag_list_init(&list);
		diag_error(&list, &later, "later");
		diag_error(&list, &earlier, "earlier");
		fail_alloc_at(n);
		diag_list_sort(&list);
		assert_true(fail_alloc_disarm());
		/* Unsorted but complete. */
		assert_int_equal(list.count, 2);
		assert_string_equal(list.items[0].message, "later");
		assert_string_equal(list.items[1].message, "earlier");
		diag_list_free(&list);
	}
}

/* cJSON's allocations fail from the n-th one on. */
static unsigned cjson_countdown;

static void *failing_cjson_malloc(size_t size)
{
	if (cjson_countdown == 0)
		return NULL;
	cjson_countdown--;
	return malloc(size);
}

static void test_json_out_of_memory(void **state)
{
	cJSON_Hooks hooks = { failing_cjson_malloc, free };
	struct diag_list list;
	const struct location where = { "a.h", 1, 1 };
	bool fell_back = false;

	(void)state;
	diag_list_init(&list);
	diag_error(&list, &where, "one");
	diag_warning(&list, &where, "two");

	/* Whatever allocation fails, cJSON's or ours, the output is valid
	 * JSON: the whole list or the fixed out-of-memory document. */
	for (unsigned n = 0; n < 40; n++) {
		char *text;
		cJSON *root;
		int size;

		cjson_countdown = n;
		cJSON_InitHooks(&hooks);
		text = print_to_string(&list, DIAG_FORMAT_JSON);
		cJSON_InitHooks(NULL);

		root = cJSON_Parse(text);
		assert_non_null(root);
		size = cJSON_GetArraySize(root);
		if (size == 1) {
			fell_back = true;
			assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(root, 0),
								"message")->valuestring,
					    "out of memory");
		} else {
			assert_int_equal(size, 2);
		}
		cJSON_Delete(root);
		free(text);
	}
	assert_true(fell_back);

	for (unsigned n = 0;; n++) {
		char *text;
		cJSON *root;
		bool failed;

		fail_alloc_at(n);
		text = print_to_string(&list, DIAG_FORMAT_JSON);
		failed = fail_alloc_disarm();
		root = cJSON_Parse(text);
		assert_non_null(root);
		assert_int_equal(cJSON_GetArraySize(root), failed ? 1 : 2);
		cJSON_Delete(root);
		free(text);
		if (!failed)
			break;
	}
	diag_list_free(&list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_free),
		cmocka_unit_test(test_report_copies_and_counts),
		cmocka_unit_test(test_report_without_location),
		cmocka_unit_test(test_sort_order),
		cmocka_unit_test(test_sort_small),
		cmocka_unit_test(test_sort_stable_at_scale),
		cmocka_unit_test(test_print_text),
		cmocka_unit_test(test_print_json),
		cmocka_unit_test(test_report_out_of_memory),
		cmocka_unit_test(test_list_growth_out_of_memory),
		cmocka_unit_test(test_sort_out_of_memory),
		cmocka_unit_test(test_json_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
