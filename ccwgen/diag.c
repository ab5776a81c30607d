/*
 * diag.c - collecting, sorting and printing diagnostics.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "utf8.h"

/* Kept, never freed, when a message or its file name cannot be copied. */
static char out_of_memory[] = "out of memory";

/* Printed when the JSON document itself cannot be built. */
static const char out_of_memory_json[] =
	"[{\"file\":null,\"line\":0,\"column\":0,\"severity\":\"error\","
	"\"message\":\"out of memory\"}]\n";

void diag_list_init(struct diag_list *list)
{
	list->items = NULL;
	list->count = 0;
	list->capacity = 0;
	list->errors = 0;
}

void diag_list_free(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free((char *)list->items[i].where.file);
		if (list->items[i].message != out_of_memory)
			free(list->items[i].message);
	}
	free(list->items);
	diag_list_init(list);
}

static bool diag_list_grow(struct diag_list *list)
{
	size_t capacity = list->capacity ? list->capacity * 2 : 16;
	struct diag *items;

	if (list->count < list->capacity)
		return true;
	if (capacity > SIZE_MAX / sizeof(*items))
		return false;
	items = realloc(list->items, capacity * sizeof(*items));
	if (!items)
		return false;
	list->items = items;
	list->capacity = capacity;
	return true;
}

static char *format_message(const char *fmt, va_list ap)
{
	va_list measure;
	int len;
	char *message;

	va_copy(measure, ap);
	len = vsnprintf(NULL, 0, fmt, measure);
	va_end(measure);
	if (len < 0)
		return NULL;
	message = malloc((size_t)len + 1);
	if (message)
		vsnprintf(message, (size_t)len + 1, fmt, ap);
	return message;
}

static char *copy_string(const char *s)
{
	size_t size = strlen(s) + 1;
	char *copy = malloc(size);

	if (copy)
		memcpy(copy, s, size);
	return copy;
}

void diag_report(struct diag_list *list, enum diag_severity severity,
		 const struct location *where, const char *fmt, ...)
{
	struct diag *d;
	char *file = NULL, *message;
	va_list ap;

	if (!diag_list_grow(list)) {
		/* Nowhere to keep it: the error count remembers it and
		 * diag_list_print reports the loss. */
		list->errors++;
		return;
	}

	va_start(ap, fmt);
	message = format_message(fmt, ap);
	va_end(ap);
	if (where && where->file)
		file = copy_string(where->file);

	d = &list->items[list->count++];
	if (!message || (where && where->file && !file)) {
		free(message);
		free(file);
		d->where.file = NULL;
		d->where.line = 0;
		d->where.column = 0;
		d->severity = DIAG_ERROR;
		d->message = out_of_memory;
		list->errors++;
		return;
	}
	d->where.file = file;
	d->where.line = where ? where->line : 0;
	d->where.column = where ? where->column : 0;
	d->severity = severity;
	d->message = message;
	if (severity == DIAG_ERROR)
		list->errors++;
}

struct sort_key {
	const char *file;
	size_t first; /* report index of the first diagnostic about `file` */
	unsigned line, column;
	size_t index; /* report index: ties keep report order (stability) */
};

/* NULL (no file) sorts as the smallest name. */
static int compare_files(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int compare_size(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

static int compare_by_file(const void *pa, const void *pb)
{
	const struct sort_key *a = pa, *b = pb;
	int c = compare_files(a->file, b->file);

	return c ? c : compare_size(a->index, b->index);
}

static int compare_by_place(const void *pa, const void *pb)
{
	const struct sort_key *a = pa, *b = pb;

	if (a->first != b->first)
		return compare_size(a->first, b->first);
	if (a->line != b->line)
		return (a->line > b->line) - (a->line < b->line);
	if (a->column != b->column)
		return (a->column > b->column) - (a->column < b->column);
	return compare_size(a->index, b->index);
}

/*
 * qsort is not stable, so the report index is the last key. Files are ranked
 * by their first report: sorting by (name, index) groups each file with its
 * first report at the head of the group.
 */
void diag_list_sort(struct diag_list *list)
{
	struct sort_key *keys = NULL;
	struct diag *sorted = NULL;
	size_t n = list->count;

	if (n < 2)
		return;
	/* Without memory the diagnostics stay in report order, still complete. */
	keys = malloc(n * sizeof(*keys));
	sorted = malloc(list->capacity * sizeof(*sorted));
	if (!keys || !sorted)
		goto cleanup;

	for (size_t i = 0; i < n; i++) {
		keys[i].file = list->items[i].where.file;
		keys[i].line = list->items[i].where.line;
		keys[i].column = list->items[i].where.column;
		keys[i].index = i;
	}
	qsort(keys, n, sizeof(*keys), compare_by_file);
	for (size_t i = 0, first = keys[0].index; i < n; i++) {
		if (i > 0 && compare_files(keys[i - 1].file, keys[i].file) != 0)
			first = keys[i].index;
		keys[i].first = first;
	}
	qsort(keys, n, sizeof(*keys), compare_by_place);

	for (size_t i = 0; i < n; i++)
		sorted[i] = list->items[keys[i].index];
	free(list->items);
	list->items = sorted;
	sorted = NULL;

cleanup:
	free(keys);
	free(sorted);
}

static const char *severity_name(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? "error" : "warning";
}

/* Errors counted but not kept (diag_report could not grow the list). */
static size_t lost_errors(const struct diag_list *list)
{
	size_t kept = 0;

	for (size_t i = 0; i < list->count; i++)
		kept += list->items[i].severity == DIAG_ERROR;
	return list->errors - kept;
}

static void print_text(const struct diag_list *list, FILE *out)
{
	size_t lost = lost_errors(list);

	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];

		if (!d->where.file)
			fputs("ccwgen", out);
		else if (d->where.line == 0)
			fputs(d->where.file, out);
		else if (d->where.column == 0)
			fprintf(out, "%s:%u", d->where.file, d->where.line);
		else
			fprintf(out, "%s:%u:%u", d->where.file, d->where.line, d->where.column);
		fprintf(out, ": %s: %s\n", severity_name(d->severity), d->message);
	}
	if (lost > 0)
		fprintf(out, "ccwgen: error: out of memory: %zu diagnostic(s) lost\n", lost);
}

/* Adds `s` as a JSON string with ill-formed UTF-8 repaired, or null. */
static bool add_json_string(cJSON *object, const char *name, const char *s)
{
	char *valid;
	bool ok;

	if (!s)
		return cJSON_AddNullToObject(object, name) != NULL;
	valid = utf8_sanitize(s);
	if (!valid)
		return false;
	ok = cJSON_AddStringToObject(object, name, valid) != NULL;
	free(valid);
	return ok;
}

static bool add_json_diag(cJSON *array, const char *file, unsigned line, unsigned column,
			  enum diag_severity severity, const char *message)
{
	cJSON *object = cJSON_CreateObject();

	if (!object)
		return false;
	if (!cJSON_AddItemToArray(array, object)) {
		cJSON_Delete(object);
		return false;
	}
	return add_json_string(object, "file", file) &&
	       cJSON_AddNumberToObject(object, "line", line) &&
	       cJSON_AddNumberToObject(object, "column", column) &&
	       add_json_string(object, "severity", severity_name(severity)) &&
	       add_json_string(object, "message", message);
}

static void print_json(const struct diag_list *list, FILE *out)
{
	cJSON *array = cJSON_CreateArray();
	char *text = NULL;
	size_t lost = lost_errors(list);

	if (!array)
		goto cleanup;
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];

		if (!add_json_diag(array, d->where.file, d->where.line, d->where.column,
				   d->severity, d->message))
			goto cleanup;
	}
	if (lost > 0 && !add_json_diag(array, NULL, 0, 0, DIAG_ERROR, out_of_memory))
		goto cleanup;
	text = cJSON_PrintUnformatted(array);

cleanup:
	if (text) {
		fputs(text, out);
		fputc('\n', out);
	} else {
		fputs(out_of_memory_json, out);
	}
	cJSON_free(text);
	cJSON_Delete(array);
}

void diag_list_print(const struct diag_list *list, enum diag_format format, FILE *out)
{
	if (format == DIAG_FORMAT_JSON)
		print_json(list, out);
	else
		print_text(list, out);
}
