/*
 * decls.c - the scanned C declarations and their annotations (see decls.h).
 */
#include "decls.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct {
	const char *name;
	const char *macro;
} annotation_kinds[ANN_KIND_COUNT] = {
	[ANN_CLASS] = { "class", "CCW_CLASS" },
	[ANN_INTERFACE] = { "interface", "CCW_INTERFACE" },
	[ANN_CONSTRUCTOR] = { "constructor", "CCW_CONSTRUCTOR" },
	[ANN_DESTRUCTOR] = { "destructor", "CCW_DESTRUCTOR" },
	[ANN_METHOD] = { "method", "CCW_METHOD" },
	[ANN_PROPGET] = { "propget", "CCW_PROPGET" },
	[ANN_PROPPUT] = { "propput", "CCW_PROPPUT" },
	[ANN_PROPERTY] = { "property", "CCW_PROPERTY" },
	[ANN_IN] = { "in", "CCW_IN" },
	[ANN_OUT] = { "out", "CCW_OUT" },
	[ANN_INOUT] = { "inout", "CCW_INOUT" },
	[ANN_RETVAL] = { "retval", "CCW_RETVAL" },
	[ANN_OPTIONAL] = { "optional", "CCW_OPTIONAL" },
	[ANN_SIZE_IS] = { "size_is", "CCW_SIZE_IS" },
	[ANN_RESULT] = { "result", "CCW_RESULT" },
	[ANN_TRANSFER] = { "transfer", "CCW_TRANSFER" },
	[ANN_HIDDEN] = { "hidden", "CCW_HIDDEN" },
};

const char *annotation_kind_name(enum annotation_kind kind)
{
	return annotation_kinds[kind].name;
}

const char *annotation_macro_name(enum annotation_kind kind)
{
	return annotation_kinds[kind].macro;
}

int annotation_kind_from_name(const char *name, size_t len)
{
	for (int i = 0; i < ANN_KIND_COUNT; i++) {
		if (strlen(annotation_kinds[i].name) == len &&
		    memcmp(annotation_kinds[i].name, name, len) == 0)
			return i;
	}
	return -1;
}

void c_type_free(struct c_type *type)
{
	if (type->pointee) {
		c_type_free(type->pointee);
		free(type->pointee);
	}
	free(type->spelling);
	free(type->record_tag);
	memset(type, 0, sizeof(*type));
}

int c_type_copy(struct c_type *out, const struct c_type *type)
{
	struct c_type copy = *type;

	copy.spelling = str_dup_or_null(type->spelling);
	copy.record_tag = str_dup_or_null(type->record_tag);
	copy.pointee = NULL;
	if ((type->spelling && !copy.spelling) || (type->record_tag && !copy.record_tag))
		goto fail;
	if (type->pointee) {
		copy.pointee = calloc(1, sizeof(*copy.pointee));
		if (!copy.pointee || c_type_copy(copy.pointee, type->pointee) < 0)
			goto fail;
	}
	*out = copy;
	return 0;
fail:
	c_type_free(&copy);
	memset(out, 0, sizeof(*out));
	return -1;
}

struct annotation *annotation_list_add(struct annotation_list *list, enum annotation_kind kind,
				       const char *text, const struct location *where,
				       unsigned *columns)
{
	char *copy = strdup(text);
	struct annotation *ann = copy ? array_append(&list->items, &list->count, sizeof(*ann)) : NULL;

	if (!ann) {
		free(copy);
		free(columns);
		return NULL;
	}
	ann->kind = kind;
	ann->text = copy;
	ann->where = *where;
	ann->columns = columns;
	return ann;
}

void annotation_list_free(struct annotation_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].text);
		free(list->items[i].columns);
	}
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

struct location annotation_location_at(const struct annotation *ann, size_t offset)
{
	struct location where = ann->where;
	size_t len = strlen(ann->text);

	if (ann->columns)
		where.column = ann->columns[offset < len ? offset : len];
	return where;
}

void decl_set_init(struct decl_set *set)
{
	memset(set, 0, sizeof(*set));
	name_index_init(&set->struct_by_tag, false);
	name_index_init(&set->function_by_name, false);
}

static void c_param_free(struct c_param *param)
{
	free(param->name);
	c_type_free(&param->type);
	annotation_list_free(&param->annotations);
}

static void c_function_free(struct c_function *fn)
{
	free(fn->name);
	c_type_free(&fn->result);
	for (size_t i = 0; i < fn->param_count; i++)
		c_param_free(&fn->params[i]);
	free(fn->params);
	annotation_list_free(&fn->annotations);
}

static void c_struct_free(struct c_struct *st)
{
	free(st->tag);
	for (size_t i = 0; i < st->field_count; i++) {
		free(st->fields[i].name);
		c_type_free(&st->fields[i].type);
		annotation_list_free(&st->fields[i].annotations);
	}
	free(st->fields);
	annotation_list_free(&st->annotations);
}

void decl_set_free(struct decl_set *set)
{
	for (size_t i = 0; i < set->struct_count; i++)
		c_struct_free(&set->structs[i]);
	free(set->structs);
	for (size_t i = 0; i < set->function_count; i++)
		c_function_free(&set->functions[i]);
	free(set->functions);
	for (size_t i = 0; i < set->file_count; i++)
		free(set->files[i]);
	free(set->files);
	for (size_t i = 0; i < set->dependency_count; i++)
		free(set->dependencies[i]);
	free(set->dependencies);
	name_index_free(&set->struct_by_tag);
	name_index_free(&set->function_by_name);
	decl_set_init(set);
}

const char *decl_set_intern_file(struct decl_set *set, const char *name)
{
	char *copy, **slot;

	for (size_t i = 0; i < set->file_count; i++) {
		if (strcmp(set->files[i], name) == 0)
			return set->files[i];
	}
	copy = strdup(name);
	slot = copy ? array_append(&set->files, &set->file_count, sizeof(*slot)) : NULL;
	if (!slot) {
		free(copy);
		return NULL;
	}
	*slot = copy;
	return copy;
}

struct c_struct *decl_set_add_struct(struct decl_set *set, char *tag)
{
	struct c_struct *st = array_append(&set->structs, &set->struct_count, sizeof(*st));

	if (!st)
		return NULL;
	if (name_index_put(&set->struct_by_tag, tag, set->struct_count - 1) < 0) {
		set->struct_count--; /* the zero-filled element appended above */
		return NULL;
	}
	st->tag = tag;
	return st;
}

struct c_function *decl_set_add_function(struct decl_set *set, char *name)
{
	struct c_function *fn = array_append(&set->functions, &set->function_count, sizeof(*fn));

	if (!fn)
		return NULL;
	if (name_index_put(&set->function_by_name, name, set->function_count - 1) < 0) {
		set->function_count--;
		return NULL;
	}
	fn->name = name;
	return fn;
}

int decl_set_add_dependency(struct decl_set *set, const char *path)
{
	char *copy, **slot;

	for (size_t i = 0; i < set->dependency_count; i++) {
		if (strcmp(set->dependencies[i], path) == 0)
			return 0;
	}
	copy = strdup(path);
	slot = copy ? array_append(&set->dependencies, &set->dependency_count, sizeof(*slot)) : NULL;
	if (!slot) {
		free(copy);
		return -1;
	}
	*slot = copy;
	return 0;
}

struct c_struct *decl_set_find_struct(const struct decl_set *set, const char *tag)
{
	size_t i;

	if (!name_index_get(&set->struct_by_tag, tag, &i))
		return NULL;
	return &set->structs[i];
}

struct c_function *decl_set_find_function(const struct decl_set *set, const char *name)
{
	size_t i;

	if (!name_index_get(&set->function_by_name, name, &i))
		return NULL;
	return &set->functions[i];
}

struct c_param *c_function_find_param(const struct c_function *fn, const char *name)
{
	for (size_t i = 0; i < fn->param_count; i++) {
		if (fn->params[i].name[0] && strcmp(fn->params[i].name, name) == 0)
			return &fn->params[i];
	}
	return NULL;
}

struct c_field *c_struct_find_field(const struct c_struct *st, const char *name)
{
	for (size_t i = 0; i < st->field_count; i++) {
		if (strcmp(st->fields[i].name, name) == 0)
			return &st->fields[i];
	}
	return NULL;
}
