/*
 * model.c - create/free pairs, lookups and names of the checked model.
 */
#include "model.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct model *model_create(const char *name)
{
	struct model *model = calloc(1, sizeof(*model));

	if (!model)
		return NULL;
	model->name = strdup(name);
	if (!model->name) {
		free(model);
		return NULL;
	}
	model->version_major = 1;
	name_index_init(&model->class_by_tag, false);
	return model;
}

static void model_type_free(struct model_type *type)
{
	free(type->com_name);
	free(type->c_spelling);
}

static void model_param_free(struct model_param *param)
{
	free(param->name);
	free(param->com_name);
	free(param->c_spelling);
	free(param->default_value);
	model_type_free(&param->type);
}

void model_method_free(struct model_method *method)
{
	if (!method)
		return;
	free(method->name);
	free(method->c_function);
	free(method->c_field);
	free(method->help);
	free(method->c_return_spelling);
	if (method->retval_from_return) {
		model_param_free(method->retval_from_return);
		free(method->retval_from_return);
	}
	for (size_t i = 0; i < method->param_count; i++)
		model_param_free(&method->params[i]);
	free(method->params);
	free(method->com_params);
	free(method);
}

static void model_interface_free(struct model_interface *iface)
{
	for (size_t i = 0; i < iface->method_count; i++)
		model_method_free(iface->methods[i]);
	free(iface->methods);
	free(iface->name);
	free(iface->help);
	free(iface);
}

static void model_class_free(struct model_class *cls)
{
	for (size_t i = 0; i < cls->interface_count; i++)
		model_interface_free(cls->interfaces[i]);
	free(cls->interfaces);
	free(cls->c_tag);
	free(cls->name);
	free(cls->progid);
	free(cls->help);
	free(cls->constructor);
	free(cls->destructor);
	free(cls);
}

void model_free(struct model *model)
{
	if (!model)
		return;
	for (size_t i = 0; i < model->class_count; i++)
		model_class_free(model->classes[i]);
	free(model->classes);
	for (size_t i = 0; i < model->header_count; i++)
		free(model->headers[i]);
	free(model->headers);
	free(model->name);
	name_index_free(&model->class_by_tag);
	free(model);
}

/* Appends `node` to a pointer array; frees nothing on failure. */
static int append_pointer(void *items_ptr, size_t *count, void *node)
{
	void **slot = array_append(items_ptr, count, sizeof(void *));

	if (!slot)
		return -1;
	*slot = node;
	return 0;
}

struct model_class *model_add_class(struct model *model, const char *c_tag,
				    const struct location *where)
{
	struct model_class *cls = calloc(1, sizeof(*cls));

	if (!cls)
		return NULL;
	cls->c_tag = strdup(c_tag);
	cls->where = *where;
	cls->version_major = 1;
	if (!cls->c_tag || append_pointer(&model->classes, &model->class_count, cls) < 0)
		goto fail;
	if (name_index_put(&model->class_by_tag, cls->c_tag, model->class_count - 1) < 0) {
		model->class_count--;
		goto fail;
	}
	return cls;
fail:
	free(cls->c_tag);
	free(cls);
	return NULL;
}

struct model_interface *model_class_add_interface(struct model_class *cls, const char *name,
						  const struct location *where)
{
	struct model_interface *iface = calloc(1, sizeof(*iface));

	if (!iface)
		return NULL;
	iface->name = strdup(name);
	iface->where = *where;
	iface->owner = cls;
	iface->dual = true;
	if (!iface->name ||
	    append_pointer(&cls->interfaces, &cls->interface_count, iface) < 0) {
		free(iface->name);
		free(iface);
		return NULL;
	}
	return iface;
}

struct model_method *model_method_create(const struct location *where)
{
	struct model_method *method = calloc(1, sizeof(*method));

	if (method)
		method->where = *where;
	return method;
}

int model_interface_append_method(struct model_interface *iface, struct model_method *method)
{
	if (append_pointer(&iface->methods, &iface->method_count, method) < 0)
		return -1;
	method->iface = iface;
	return 0;
}

int model_add_header(struct model *model, const char *basename)
{
	char *copy = strdup(basename);

	if (!copy || append_pointer(&model->headers, &model->header_count, copy) < 0) {
		free(copy);
		return -1;
	}
	return 0;
}

struct model_class *model_find_class_by_tag(const struct model *model, const char *c_tag)
{
	size_t i;

	return name_index_get(&model->class_by_tag, c_tag, &i) ? model->classes[i] : NULL;
}

struct model_interface *model_class_find_interface(const struct model_class *cls,
						   const char *name)
{
	for (size_t i = 0; i < cls->interface_count; i++) {
		if (str_equal_nocase(cls->interfaces[i]->name, name))
			return cls->interfaces[i];
	}
	return NULL;
}

struct model_class *model_type_object_class(const struct model_type *type)
{
	assert(type->kind == COM_OBJECT && type->object_class);
	return type->object_class;
}

const struct model_param *model_param_size_param(const struct model_param *param)
{
	assert(param->type.kind == COM_BYTES && param->size_is);
	return param->size_is;
}

const char *com_kind_name(enum com_kind kind)
{
	static const char *const names[COM_KIND_COUNT] = {
		[COM_BOOL] = "bool", [COM_I1] = "i1", [COM_UI1] = "ui1", [COM_I2] = "i2",
		[COM_UI2] = "ui2", [COM_I4] = "i4", [COM_UI4] = "ui4", [COM_I8] = "i8",
		[COM_UI8] = "ui8", [COM_R4] = "r4", [COM_R8] = "r8", [COM_ENUM] = "enum",
		[COM_STRING] = "string", [COM_BYTES] = "bytes", [COM_OBJECT] = "object",
		[COM_BSTR] = "bstr", [COM_VARIANT] = "variant",
		[COM_VARIANT_BOOL] = "variant_bool", [COM_HRESULT] = "hresult",
		[COM_UNKNOWN] = "unknown", [COM_DISPATCH] = "dispatch",
	};
	return names[kind];
}

const char *vartype_name(unsigned vt)
{
	switch (vt) {
	case MODEL_VT_I2: return "VT_I2";
	case MODEL_VT_I4: return "VT_I4";
	case MODEL_VT_R4: return "VT_R4";
	case MODEL_VT_R8: return "VT_R8";
	case MODEL_VT_BSTR: return "VT_BSTR";
	case MODEL_VT_DISPATCH: return "VT_DISPATCH";
	case MODEL_VT_ERROR: return "VT_ERROR";
	case MODEL_VT_BOOL: return "VT_BOOL";
	case MODEL_VT_VARIANT: return "VT_VARIANT";
	case MODEL_VT_UNKNOWN: return "VT_UNKNOWN";
	case MODEL_VT_I1: return "VT_I1";
	case MODEL_VT_UI1: return "VT_UI1";
	case MODEL_VT_UI2: return "VT_UI2";
	case MODEL_VT_UI4: return "VT_UI4";
	case MODEL_VT_I8: return "VT_I8";
	case MODEL_VT_UI8: return "VT_UI8";
	case MODEL_VT_ARRAY | MODEL_VT_UI1: return "VT_ARRAY|VT_UI1";
	default: return "VT_EMPTY";
	}
}

const char *param_direction_name(enum param_direction direction)
{
	static const char *const names[] = { "in", "out", "inout", "retval" };
	return names[direction];
}

const char *method_kind_name(enum method_kind kind)
{
	static const char *const names[] = { "method", "propget", "propput" };
	return names[kind];
}

static const char *const result_names[] = {
	"value", "errno", "minus1", "bool", "nonnull", "hresult",
};
static const char *const transfer_names[] = { NULL, "full", "none" };
static const char *const threading_names[] = { "both", "free", "apartment", "serialized" };

static int index_of(const char *const *names, int count, const char *name)
{
	for (int i = 0; i < count; i++) {
		if (names[i] && strcmp(names[i], name) == 0)
			return i;
	}
	return -1;
}

const char *result_convention_name(enum result_convention result)
{
	return result_names[result];
}

int result_convention_from_name(const char *name)
{
	return index_of(result_names, (int)(sizeof(result_names) / sizeof(*result_names)), name);
}

const char *return_role_name(enum return_role role)
{
	static const char *const names[] = { "none", "status", "retval" };
	return names[role];
}

const char *transfer_kind_name(enum transfer_kind transfer)
{
	return transfer_names[transfer];
}

int transfer_kind_from_name(const char *name)
{
	return index_of(transfer_names, (int)(sizeof(transfer_names) / sizeof(*transfer_names)),
			name);
}

const char *threading_model_name(enum threading_model threading)
{
	return threading_names[threading];
}

int threading_model_from_name(const char *name)
{
	return index_of(threading_names,
			(int)(sizeof(threading_names) / sizeof(*threading_names)), name);
}
