/*
 * check.c - declarations + annotations -> the checked model.
 *
 * Order of work: classes and their interfaces first (methods' types refer to
 * other classes' default interfaces), then functions and fields in slot
 * order, then slots and DISPIDs per interface, then the GUIDs. Each problem
 * is reported where it is and checking continues, so one run shows them all.
 */
#include "check.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <ccw/runtime.h>

#include "naming.h"
#include "options.h"
#include "typemap.h"
#include "util.h"

enum option_type { OPT_FLAG, OPT_VALUE };

struct option_spec {
	const char *key;
	enum option_type type;
};

static const struct option_spec class_options[] = {
	{ "progid", OPT_VALUE }, { "clsid", OPT_VALUE }, { "name", OPT_VALUE },
	{ "version", OPT_VALUE }, { "help", OPT_VALUE }, { "noncreatable", OPT_FLAG },
	{ "threading", OPT_VALUE }, { "hidden", OPT_FLAG }, { NULL, OPT_FLAG },
};
static const struct option_spec interface_options[] = {
	{ "iid", OPT_VALUE }, { "dual", OPT_FLAG }, { "custom", OPT_FLAG },
	{ "default", OPT_FLAG }, { "help", OPT_VALUE }, { "hidden", OPT_FLAG },
	{ NULL, OPT_FLAG },
};
static const struct option_spec method_options[] = {
	{ "iface", OPT_VALUE }, { "name", OPT_VALUE }, { "dispid", OPT_VALUE },
	{ "default", OPT_FLAG }, { "hidden", OPT_FLAG }, { "help", OPT_VALUE },
	{ "class", OPT_VALUE }, { NULL, OPT_FLAG },
};
static const struct option_spec property_options[] = {
	{ "readonly", OPT_FLAG }, { "iface", OPT_VALUE }, { "name", OPT_VALUE },
	{ "dispid", OPT_VALUE }, { "default", OPT_FLAG }, { "hidden", OPT_FLAG },
	{ "help", OPT_VALUE }, { NULL, OPT_FLAG },
};

/* A method waiting for its slot: slots follow declaration order. */
struct pending {
	struct model_method *method;
	unsigned order;
	bool dispid_given;
	int dispid;
	struct location dispid_where;
	/* Filled once every method is known, to sort all of them into slot
	 * order at once: the interface (positions in the model) and the order
	 * of the property's first accessor (a getter and setter sit together). */
	size_t class_pos, iface_pos;
	unsigned group;
};

struct checker {
	const struct decl_set *decls;
	const struct check_options *options;
	struct diag_list *diags;
	struct model *model;
	struct pending *pending;
	size_t pending_count;
	bool oom;
};

/* A parsed annotation's options, or the reason there are none. */
struct parsed_options {
	struct option_list list;
	bool ok;
};

static void note_oom(struct checker *ck)
{
	ck->oom = true;
}

static char *dup_checked(struct checker *ck, const char *s)
{
	char *copy = str_dup_or_null(s);

	if (s && !copy)
		note_oom(ck);
	return copy;
}

/* Parses and validates an annotation's option text against `specs`. With
 * `leading_name`, the first token is a bare name (CCW_INTERFACE's). */
static struct parsed_options parse_options(struct checker *ck, const struct annotation *ann,
					   const struct option_spec *specs, bool leading_name)
{
	struct parsed_options result = { { NULL, 0 }, true };
	const char *message = NULL;
	unsigned column = 0;
	const char *macro = annotation_macro_name(ann->kind);

	if (option_list_parse(ann->text, &result.list, &column, &message) < 0) {
		struct location where = annotation_location_at(ann, column);

		diag_error(ck->diags, &where, "malformed %s options: %s", macro, message);
		result.ok = false;
		return result;
	}
	for (size_t i = 0; i < result.list.count; i++) {
		const struct option_token *token = &result.list.tokens[i];
		struct location where = annotation_location_at(ann, token->column);
		const struct option_spec *spec = NULL;

		if (leading_name && i == 0)
			continue;
		for (const struct option_spec *s = specs; s->key; s++) {
			if (strcmp(s->key, token->key) == 0)
				spec = s;
		}
		if (!spec) {
			diag_error(ck->diags, &where, "unknown %s option '%s'", macro, token->key);
			result.ok = false;
		} else if (spec->type == OPT_FLAG && token->value) {
			diag_error(ck->diags, &where, "%s option '%s' takes no value", macro, token->key);
			result.ok = false;
		} else if (spec->type == OPT_VALUE && !token->value) {
			diag_error(ck->diags, &where, "%s option '%s' needs a value (%s=...)", macro,
				   token->key, token->key);
			result.ok = false;
		} else {
			for (size_t j = leading_name ? 1 : 0; j < i; j++) {
				if (strcmp(result.list.tokens[j].key, token->key) == 0) {
					diag_error(ck->diags, &where, "%s option '%s' is given twice",
						   macro, token->key);
					result.ok = false;
					break;
				}
			}
		}
	}
	return result;
}

static const char *option_value(const struct parsed_options *options, const char *key)
{
	const struct option_token *token = option_list_find(&options->list, key);

	return token ? token->value : NULL;
}

static bool option_flag(const struct parsed_options *options, const char *key)
{
	return option_list_find(&options->list, key) != NULL;
}

static struct location option_where(const struct annotation *ann,
				    const struct parsed_options *options, const char *key)
{
	const struct option_token *token = option_list_find(&options->list, key);

	return annotation_location_at(ann, token ? token->column : 0);
}

/* Annotations that take no options must have none: nothing is ignored. */
static void require_no_options(struct checker *ck, const struct annotation *ann)
{
	if (ann->text[0]) {
		struct location where = annotation_location_at(ann, 0);

		diag_error(ck->diags, &where, "%s takes no options (got '%s')",
			   annotation_macro_name(ann->kind), ann->text);
	}
}

static void reject_misplaced(struct checker *ck, const struct annotation_list *list,
			     const bool allowed[ANN_KIND_COUNT], const char *what)
{
	for (size_t i = 0; i < list->count; i++) {
		if (!allowed[list->items[i].kind])
			diag_error(ck->diags, &list->items[i].where, "%s cannot be placed on %s",
				   annotation_macro_name(list->items[i].kind), what);
	}
}

static const struct annotation *find_annotation(const struct annotation_list *list,
						enum annotation_kind kind)
{
	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].kind == kind)
			return &list->items[i];
	}
	return NULL;
}

/* The one annotation of `kind`; a second one is an error. */
static const struct annotation *single_annotation(struct checker *ck,
						  const struct annotation_list *list,
						  enum annotation_kind kind)
{
	const struct annotation *first = NULL;

	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].kind != kind)
			continue;
		if (first)
			diag_error(ck->diags, &list->items[i].where, "%s is given twice",
				   annotation_macro_name(kind));
		else
			first = &list->items[i];
	}
	return first;
}

/* GUIDs every object already answers to (or its class factory does): a
 * class or interface that took one would be unreachable, or would hide it. */
static const struct {
	const char *name;
	struct uuid guid;
} standard_guids[] = {
	{ "IUnknown", { 0x00000000, 0x0000, 0x0000, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } } },
	{ "IDispatch", { 0x00020400, 0x0000, 0x0000, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } } },
	{ "ISupportErrorInfo",
	  { 0xDF0B3D60, 0x548F, 0x101B, { 0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19 } } },
	{ "IClassFactory", { 0x00000001, 0x0000, 0x0000, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } } },
};

/* Parses a GUID option into *out; false (and a diagnostic if one was
 * given) when it is absent, malformed or a standard interface's. */
static bool parse_guid_option(struct checker *ck, const struct annotation *ann,
			      const struct parsed_options *options, const char *key,
			      struct uuid *out)
{
	const char *text = option_value(options, key);
	struct location where;

	struct uuid parsed;

	if (!text)
		return false;
	where = option_where(ann, options, key);
	if (!uuid_parse(text, &parsed)) {
		diag_error(ck->diags, &where, "malformed GUID '%s' in %s=", text, key);
		return false;
	}
	for (size_t i = 0; i < sizeof(standard_guids) / sizeof(standard_guids[0]); i++) {
		if (memcmp(&parsed, &standard_guids[i].guid, sizeof(parsed)) == 0) {
			diag_error(ck->diags, &where, "%s=%s is %s's; %s needs a GUID of its own",
				   key, text, standard_guids[i].name,
				   strcmp(key, "iid") == 0 ? "an interface" : "a class");
			return false;
		}
	}
	*out = parsed;
	return true;
}

static bool parse_name_option(struct checker *ck, const struct annotation *ann,
			      const struct parsed_options *options, const char *key, char **out)
{
	const char *text = option_value(options, key);
	struct location where;

	if (!text)
		return false;
	if (!naming_is_identifier(text)) {
		where = option_where(ann, options, key);
		diag_error(ck->diags, &where, "%s='%s' is not a valid name", key, text);
		return false;
	}
	free(*out);
	*out = dup_checked(ck, text);
	return *out != NULL;
}

/* ---- classes and interfaces -------------------------------------------- */

static void check_version(struct checker *ck, const struct annotation *ann,
			  const struct parsed_options *options, struct model_class *cls)
{
	const char *text = option_value(options, "version");
	unsigned long major, minor;
	char *end;

	if (!text)
		return;
	errno = 0;
	major = strtoul(text, &end, 10);
	if (end != text && *end == '.' && end[1] >= '0' && end[1] <= '9') {
		const char *minor_text = end + 1;

		minor = strtoul(minor_text, &end, 10);
		if (!*end && !errno && major <= 65535 && minor <= 65535 && text[0] >= '0' &&
		    text[0] <= '9') {
			cls->version_major = (unsigned)major;
			cls->version_minor = (unsigned)minor;
			return;
		}
	}
	struct location where = option_where(ann, options, "version");
	diag_error(ck->diags, &where, "version='%s' must be MAJOR.MINOR (each 0-65535)", text);
}

static void add_interface(struct checker *ck, struct model_class *cls, const struct annotation *ann,
			  bool *default_seen)
{
	struct parsed_options options = parse_options(ck, ann, interface_options, true);
	struct model_interface *iface;
	const struct option_token *first = options.list.count ? &options.list.tokens[0] : NULL;
	struct location where = annotation_location_at(ann, 0);

	if (!options.ok)
		goto done;
	if (!first || first->value) {
		diag_error(ck->diags, &where,
			   "CCW_INTERFACE needs the interface name as its first token");
		goto done;
	}
	if (!naming_is_identifier(first->key)) {
		diag_error(ck->diags, &where, "'%s' is not a valid interface name", first->key);
		goto done;
	}
	if (model_class_find_interface(cls, first->key)) {
		diag_error(ck->diags, &where, "class %s declares interface %s twice", cls->name,
			   first->key);
		goto done;
	}
	iface = model_class_add_interface(cls, first->key, &ann->where);
	if (!iface) {
		note_oom(ck);
		goto done;
	}
	if (option_flag(&options, "dual") && option_flag(&options, "custom")) {
		struct location custom = option_where(ann, &options, "custom");

		diag_error(ck->diags, &custom, "interface %s cannot be both dual and custom",
			   iface->name);
	}
	iface->dual = !option_flag(&options, "custom");
	iface->hidden = option_flag(&options, "hidden");
	iface->help = dup_checked(ck, option_value(&options, "help"));
	iface->iid_derived = !parse_guid_option(ck, ann, &options, "iid", &iface->iid);
	if (option_list_find(&options.list, "iid") && iface->iid_derived)
		iface->iid_derived = false; /* malformed: reported; not derived either */
	if (option_flag(&options, "default")) {
		if (*default_seen) {
			struct location def = option_where(ann, &options, "default");

			diag_error(ck->diags, &def, "class %s has more than one default interface",
				   cls->name);
		} else {
			*default_seen = true;
			cls->default_interface = iface;
		}
	}
done:
	option_list_free(&options.list);
}

static void add_class(struct checker *ck, const struct c_struct *st)
{
	static const bool allowed[ANN_KIND_COUNT] = {
		[ANN_CLASS] = true, [ANN_INTERFACE] = true, [ANN_HIDDEN] = true,
	};
	const struct annotation *class_ann, *hidden;
	struct parsed_options options;
	struct model_class *cls;
	bool default_seen = false;
	const char *threading, *progid;

	reject_misplaced(ck, &st->annotations, allowed, "a struct");
	class_ann = single_annotation(ck, &st->annotations, ANN_CLASS);
	if (!class_ann) {
		const struct annotation *stray = find_annotation(&st->annotations, ANN_INTERFACE);

		if (!stray)
			stray = find_annotation(&st->annotations, ANN_HIDDEN);
		if (stray)
			diag_error(ck->diags, &stray->where, "%s on struct %s, which has no CCW_CLASS",
				   annotation_macro_name(stray->kind), st->tag);
		return;
	}
	if (st->is_union) {
		diag_error(ck->diags, &class_ann->where, "CCW_CLASS cannot be placed on a union");
		return;
	}
	cls = model_add_class(ck->model, st->tag, &class_ann->where);
	if (!cls) {
		note_oom(ck);
		return;
	}
	cls->name = naming_pascal_case(st->tag);
	if (!cls->name)
		note_oom(ck);
	options = parse_options(ck, class_ann, class_options, false);
	/* With broken options the class's flags are unknown: claiming it lacks a
	 * progid or constructor would only add noise to the real error. */
	if (!options.ok)
		cls->noncreatable = true;
	if (options.ok) {
		parse_name_option(ck, class_ann, &options, "name", &cls->name);
		progid = option_value(&options, "progid");
		if (progid && !ccw_progid_is_valid(progid)) {
			struct location where = option_where(class_ann, &options, "progid");

			diag_error(ck->diags, &where,
				   "progid='%s' is not a valid ProgID (a letter first, then letters, "
				   "digits, '_' and single dots; at most 39 characters)", progid);
		}
		cls->progid = dup_checked(ck, progid);
		cls->clsid_derived = !parse_guid_option(ck, class_ann, &options, "clsid", &cls->clsid) &&
				     !option_list_find(&options.list, "clsid");
		check_version(ck, class_ann, &options, cls);
		cls->help = dup_checked(ck, option_value(&options, "help"));
		cls->noncreatable = option_flag(&options, "noncreatable");
		cls->hidden = option_flag(&options, "hidden");
		threading = option_value(&options, "threading");
		if (threading) {
			int model = threading_model_from_name(threading);

			if (model < 0) {
				struct location where = option_where(class_ann, &options, "threading");

				diag_error(ck->diags, &where,
					   "threading='%s' is not one of both, free, apartment, serialized",
					   threading);
			} else {
				cls->threading = (enum threading_model)model;
			}
			if (model == THREADING_SERIALIZED) {
				struct location where = option_where(class_ann, &options, "threading");

				diag_warning(ck->diags, &where, "threading=serialized is registered but "
					     "calls are not serialized yet (DESIGN.md section 10)");
			}
		}
	}
	option_list_free(&options.list);
	hidden = find_annotation(&st->annotations, ANN_HIDDEN);
	if (hidden) {
		require_no_options(ck, hidden);
		cls->hidden = true;
	}
	for (size_t i = 0; i < st->annotations.count; i++) {
		if (st->annotations.items[i].kind == ANN_INTERFACE)
			add_interface(ck, cls, &st->annotations.items[i], &default_seen);
	}
	if (cls->interface_count == 0 && cls->name) {
		char *name = naming_default_interface(cls->name);
		struct model_interface *iface = name ? model_class_add_interface(cls, name, &cls->where)
						     : NULL;

		free(name);
		if (!iface)
			note_oom(ck);
		else
			iface->iid_derived = true;
	}
	if (!cls->default_interface && cls->interface_count)
		cls->default_interface = cls->interfaces[0];
	if (cls->default_interface)
		cls->default_interface->is_default = true;
}

/* Coclass and interface names share the type library's namespace. Each name
 * is looked up in a hash index, so the check stays linear in the classes. */
static void check_unique_type_names(struct checker *ck)
{
	struct model *model = ck->model;
	struct name_index coclasses, progids, interfaces;
	size_t first;

	name_index_init(&coclasses, true);
	name_index_init(&progids, true);
	name_index_init(&interfaces, true);
	for (size_t i = 0; i < model->class_count; i++) {
		struct model_class *cls = model->classes[i];

		if (cls->name && name_index_get(&coclasses, cls->name, &first))
			diag_error(ck->diags, &cls->where, "coclass name %s is already used by "
				   "struct %s", cls->name, model->classes[first]->c_tag);
		else if (cls->name && name_index_put(&coclasses, cls->name, i) < 0)
			goto oom;
		if (cls->progid && name_index_get(&progids, cls->progid, &first))
			diag_error(ck->diags, &cls->where, "progid %s is already used by class %s",
				   cls->progid, model->classes[first]->name);
		else if (cls->progid && name_index_put(&progids, cls->progid, i) < 0)
			goto oom;
		for (size_t m = 0; m < cls->interface_count; m++) {
			struct model_interface *iface = cls->interfaces[m];

			if (name_index_get(&interfaces, iface->name, &first)) {
				if (first != i)
					diag_error(ck->diags, &iface->where, "interface %s is already "
						   "declared by class %s", iface->name,
						   model->classes[first]->name);
			} else if (name_index_put(&interfaces, iface->name, i) < 0) {
				goto oom;
			}
		}
	}
	for (size_t i = 0; i < model->class_count; i++) {
		for (size_t m = 0; m < model->classes[i]->interface_count; m++) {
			struct model_interface *iface = model->classes[i]->interfaces[m];

			if (name_index_get(&coclasses, iface->name, &first))
				diag_error(ck->diags, &iface->where, "interface %s has the name of "
					   "coclass %s", iface->name, model->classes[first]->name);
		}
	}
	goto done;
oom:
	note_oom(ck);
done:
	name_index_free(&coclasses);
	name_index_free(&progids);
	name_index_free(&interfaces);
}

/* ---- methods ------------------------------------------------------------ */

static const char *describe_c_type(const struct c_type *type)
{
	return type->spelling ? type->spelling : "?";
}

/* The class a C pointer type points to, or NULL. */
static struct model_class *class_of_pointer(struct checker *ck, const struct c_type *type)
{
	if (type->kind != C_POINTER || type->pointee->kind != C_RECORD || !type->pointee->record_tag)
		return NULL;
	return model_find_class_by_tag(ck->model, type->pointee->record_tag);
}

static enum param_direction direction_of(struct checker *ck, const struct c_param *param,
					 const struct annotation **given)
{
	enum param_direction direction = DIR_IN;

	*given = NULL;
	for (size_t i = 0; i < param->annotations.count; i++) {
		const struct annotation *ann = &param->annotations.items[i];
		enum param_direction this_direction;

		switch (ann->kind) {
		case ANN_IN: this_direction = DIR_IN; break;
		case ANN_OUT: this_direction = DIR_OUT; break;
		case ANN_INOUT: this_direction = DIR_INOUT; break;
		case ANN_RETVAL: this_direction = DIR_RETVAL; break;
		default: continue;
		}
		require_no_options(ck, ann);
		if (*given) {
			diag_error(ck->diags, &ann->where, "parameter '%s' has two directions (%s and %s)",
				   param->name, annotation_macro_name((*given)->kind),
				   annotation_macro_name(ann->kind));
			continue;
		}
		*given = ann;
		direction = this_direction;
	}
	return direction;
}

static void set_transfer(struct checker *ck, const struct annotation *transfer_ann,
			 const struct model_type *type, bool going_out, enum transfer_kind *out,
			 const char *what)
{
	bool owned_kind = type->kind == COM_STRING || type->kind == COM_OBJECT ||
			  type->kind == COM_BYTES;

	*out = TRANSFER_NONE_APPLICABLE;
	if (going_out && owned_kind)
		*out = type->c_const ? TRANSFER_NONE : TRANSFER_FULL;
	if (!transfer_ann)
		return;
	int kind = transfer_kind_from_name(transfer_ann->text);

	if (kind < 0) {
		struct location where = annotation_location_at(transfer_ann, 0);

		diag_error(ck->diags, &where, "CCW_TRANSFER(\"%s\") is not full or none",
			   transfer_ann->text);
	} else if (!going_out || !owned_kind) {
		diag_error(ck->diags, &transfer_ann->where,
			   "CCW_TRANSFER applies only to a string, object or byte buffer going "
			   "out, not to %s",
			   what);
	} else {
		*out = (enum transfer_kind)kind;
	}
}

struct function_context {
	struct checker *ck;
	const struct c_function *fn;
	struct model_method *method;
	struct model_class *cls;
	bool failed;
};

static void report_unsupported(struct function_context *ctx, const struct location *where,
			       const struct c_type *type, const char *what)
{
	diag_error(ctx->ck->diags, where, "unsupported type '%s' of %s in %s", describe_c_type(type),
		   what, ctx->fn->name);
	ctx->failed = true;
}

static bool map_type(struct function_context *ctx, const struct c_type *type,
		     const struct location *where, const char *what, struct model_type *out)
{
	enum typemap_status status = typemap_value(type, ctx->ck->model, out);

	if (status == TYPEMAP_NO_MEMORY) {
		note_oom(ctx->ck);
		ctx->failed = true;
		return false;
	}
	if (status == TYPEMAP_UNSUPPORTED) {
		report_unsupported(ctx, where, type, what);
		return false;
	}
	return true;
}

/* Fills one C parameter (after self) of a method. */
static void check_param(struct function_context *ctx, const struct c_param *c_param,
			size_t c_index, struct model_param *param)
{
	struct checker *ck = ctx->ck;
	static const bool allowed[ANN_KIND_COUNT] = {
		[ANN_IN] = true, [ANN_OUT] = true, [ANN_INOUT] = true, [ANN_RETVAL] = true,
		[ANN_OPTIONAL] = true, [ANN_SIZE_IS] = true, [ANN_TRANSFER] = true,
	};
	const struct annotation *direction_ann, *size_ann, *optional_ann, *transfer_ann;
	char what[300];

	param->where = c_param->where;
	param->c_index = (int)c_index;
	param->name = dup_checked(ck, c_param->name);
	param->c_spelling = dup_checked(ck, c_param->type.spelling);
	reject_misplaced(ck, &c_param->annotations, allowed, "a parameter");
	param->direction = direction_of(ck, c_param, &direction_ann);
	size_ann = single_annotation(ck, &c_param->annotations, ANN_SIZE_IS);
	optional_ann = single_annotation(ck, &c_param->annotations, ANN_OPTIONAL);
	transfer_ann = single_annotation(ck, &c_param->annotations, ANN_TRANSFER);
	snprintf(what, sizeof(what), "parameter '%s'", c_param->name[0] ? c_param->name : "(unnamed)");

	if (!c_param->name[0]) {
		diag_error(ck->diags, &c_param->where, "parameter %zu of %s has no name", c_index + 1,
			   ctx->fn->name);
		ctx->failed = true;
	}
	if (naming_is_reserved_param(c_param->name)) {
		diag_error(ck->diags, &c_param->where, "parameter name '%s' is reserved: the "
			   "generated code's own names start with ccw_ or CCW_", c_param->name);
		ctx->failed = true;
	}
	if (size_ann) {
		/* An out buffer is the library's: C sets a byte pointer through
		 * this one and its length through the size_is parameter. */
		bool out_buffer = param->direction == DIR_OUT || param->direction == DIR_RETVAL;
		const struct c_type *type = &c_param->type;
		enum typemap_status status = TYPEMAP_UNSUPPORTED;

		if (!out_buffer)
			status = typemap_bytes(type, &param->type);
		else if (type->kind == C_POINTER && type->passthrough == PASS_NONE)
			status = typemap_bytes(type->pointee, &param->type);
		if (status == TYPEMAP_NO_MEMORY) {
			note_oom(ck);
		} else if (status == TYPEMAP_UNSUPPORTED) {
			diag_error(ck->diags, &size_ann->where,
				   "CCW_SIZE_IS needs a pointer to bytes%s; '%s' of parameter '%s' is "
				   "not supported", out_buffer ? " (out: a pointer to one)" : "",
				   describe_c_type(type), c_param->name);
			ctx->failed = true;
		}
	} else if (param->direction == DIR_IN) {
		const struct c_type *type = &c_param->type;

		if (type->kind == C_POINTER && type->passthrough == PASS_NONE &&
		    type->pointee->kind != C_RECORD && !type->pointee->is_char &&
		    type->pointee->passthrough == PASS_NONE) {
			diag_error(ck->diags, &c_param->where,
				   "pointer parameter '%s' of %s needs CCW_OUT, CCW_INOUT, CCW_RETVAL "
				   "or CCW_SIZE_IS", c_param->name, ctx->fn->name);
			ctx->failed = true;
		} else {
			map_type(ctx, type, &c_param->where, what, &param->type);
		}
	} else {
		const struct c_type *type = &c_param->type;

		if (type->kind != C_POINTER || type->passthrough != PASS_NONE ||
		    type->pointee->kind == C_VOID) {
			diag_error(ck->diags, &c_param->where,
				   "%s parameter '%s' of %s must be a pointer to the value it returns",
				   annotation_macro_name(direction_ann->kind), c_param->name,
				   ctx->fn->name);
			ctx->failed = true;
		} else if (map_type(ctx, type->pointee, &c_param->where, what, &param->type) &&
			   param->direction == DIR_INOUT &&
			   (param->type.kind == COM_STRING || param->type.kind == COM_OBJECT)) {
			diag_error(ck->diags, &direction_ann->where,
				   "CCW_INOUT is not supported for %s parameter '%s' (ownership of the "
				   "replaced value is ambiguous)", param->type.kind == COM_STRING ?
				   "string" : "object", c_param->name);
			ctx->failed = true;
		}
	}
	set_transfer(ck, transfer_ann, &param->type,
		     param->direction != DIR_IN && param->direction != DIR_INOUT, &param->transfer,
		     what);
	if (optional_ann) {
		if (param->direction != DIR_IN || size_ann) {
			diag_error(ck->diags, &optional_ann->where,
				   "CCW_OPTIONAL applies only to in parameters of a value type");
			ctx->failed = true;
		} else if (!typemap_default_is_valid(&param->type, optional_ann->text)) {
			struct location where = annotation_location_at(optional_ann, 0);

			diag_error(ck->diags, &where, "'%s' is not a valid default for parameter '%s' "
				   "of type %s", optional_ann->text, c_param->name, param->type.com_name);
			ctx->failed = true;
		} else {
			param->optional = true;
			param->default_value = dup_checked(ck, optional_ann->text);
		}
	}
}

static bool is_integer(const struct c_type *type)
{
	return type->kind == C_INT && type->passthrough == PASS_NONE;
}

static bool is_unsigned_pointer(const struct c_type *type)
{
	return type->kind == C_POINTER && type->passthrough == PASS_NONE &&
	       is_integer(type->pointee) && !type->pointee->is_signed;
}

/* Resolves CCW_SIZE_IS: the length parameter disappears from COM. An in or
 * in/out buffer's length is an in integer; an out buffer's is an out
 * unsigned integer the C function sets. */
static void link_sizes(struct function_context *ctx, size_t first, size_t count)
{
	struct checker *ck = ctx->ck;
	const struct c_function *fn = ctx->fn;

	for (size_t i = 0; i < count; i++) {
		const struct annotation *size_ann =
			find_annotation(&fn->params[first + i].annotations, ANN_SIZE_IS);
		struct model_param *buffer = &ctx->method->params[i];
		struct model_param *length = NULL;
		const struct c_param *length_c = NULL;
		bool out_buffer = buffer->direction == DIR_OUT || buffer->direction == DIR_RETVAL;

		if (!size_ann || buffer->type.kind != COM_BYTES)
			continue;
		for (size_t j = 0; j < count; j++) {
			if (fn->params[first + j].name[0] &&
			    strcmp(fn->params[first + j].name, size_ann->text) == 0) {
				length = &ctx->method->params[j];
				length_c = &fn->params[first + j];
			}
		}
		if (!length) {
			struct location where = annotation_location_at(size_ann, 0);

			diag_error(ck->diags, &where, "CCW_SIZE_IS(\"%s\") names no parameter of %s",
				   size_ann->text, fn->name);
			ctx->failed = true;
		} else if (length == buffer || !(out_buffer ? is_unsigned_pointer(&length_c->type) :
						 is_integer(&length_c->type))) {
			struct location where = annotation_location_at(size_ann, 0);

			diag_error(ck->diags, &where, "CCW_SIZE_IS(\"%s\"): parameter '%s' of %s is "
				   "'%s', not %s", size_ann->text, length_c->name, fn->name,
				   describe_c_type(&length_c->type), out_buffer ?
				   "a pointer to an unsigned integer (an out buffer's length)" :
				   "an integer");
			ctx->failed = true;
		} else if (length->length_of) {
			diag_error(ck->diags, &size_ann->where, "parameter '%s' already gives the size "
				   "of '%s'", length->name, length->length_of->name);
			ctx->failed = true;
		} else if (out_buffer && length->direction != DIR_OUT) {
			diag_error(ck->diags, &size_ann->where, "the length parameter '%s' of an out "
				   "buffer must be CCW_OUT", length->name);
			ctx->failed = true;
		} else if (!out_buffer && (length->direction != DIR_IN || length->optional)) {
			diag_error(ck->diags, &size_ann->where, "the length parameter '%s' must be a "
				   "plain in parameter", length->name);
			ctx->failed = true;
		} else {
			buffer->size_is = length;
			length->length_of = buffer;
		}
	}
}

static void check_result(struct function_context *ctx, const struct annotation *result_ann,
			 const struct annotation *transfer_ann)
{
	struct checker *ck = ctx->ck;
	const struct c_function *fn = ctx->fn;
	struct model_method *method = ctx->method;
	const struct c_type *type = &fn->result;
	bool returns_void = type->kind == C_VOID;

	method->result = type->passthrough == PASS_HRESULT ? RESULT_HRESULT : RESULT_VALUE;
	if (result_ann) {
		int kind = result_convention_from_name(result_ann->text);

		if (kind < 0) {
			struct location where = annotation_location_at(result_ann, 0);

			diag_error(ck->diags, &where, "CCW_RESULT(\"%s\") is not one of value, errno, "
				   "minus1, bool, nonnull, hresult", result_ann->text);
			ctx->failed = true;
			return;
		}
		method->result = (enum result_convention)kind;
	}
	method->c_return_spelling = dup_checked(ck, type->spelling);
	switch (method->result) {
	case RESULT_VALUE:
	case RESULT_NONNULL:
		if (returns_void) {
			if (method->result == RESULT_NONNULL) {
				diag_error(ck->diags, &result_ann->where, "CCW_RESULT(\"nonnull\") needs "
					   "%s to return a pointer", fn->name);
				ctx->failed = true;
			}
			method->return_role = RETURN_NONE;
			break;
		}
		if (method->result == RESULT_NONNULL && type->kind != C_POINTER) {
			diag_error(ck->diags, &result_ann->where, "CCW_RESULT(\"nonnull\") needs %s to "
				   "return a pointer, not '%s'", fn->name, describe_c_type(type));
			ctx->failed = true;
			break;
		}
		method->return_role = RETURN_RETVAL;
		method->retval_from_return = calloc(1, sizeof(*method->retval_from_return));
		if (!method->retval_from_return) {
			note_oom(ck);
			break;
		}
		method->retval_from_return->where = fn->where;
		method->retval_from_return->name = dup_checked(ck, "result");
		method->retval_from_return->c_spelling = dup_checked(ck, type->spelling);
		method->retval_from_return->c_index = -1;
		method->retval_from_return->direction = DIR_RETVAL;
		if (map_type(ctx, type, &fn->where, "the return value",
			     &method->retval_from_return->type))
			set_transfer(ck, transfer_ann, &method->retval_from_return->type, true,
				     &method->retval_from_return->transfer, "the return value");
		return;
	case RESULT_ERRNO:
	case RESULT_MINUS1:
		if (type->kind != C_INT || !type->is_signed) {
			diag_error(ck->diags, result_ann ? &result_ann->where : &fn->where,
				   "CCW_RESULT(\"%s\") needs %s to return a signed integer, not '%s'",
				   result_convention_name(method->result), fn->name,
				   describe_c_type(type));
			ctx->failed = true;
		}
		method->return_role = RETURN_STATUS;
		break;
	case RESULT_BOOL:
		if (type->kind != C_BOOL && type->kind != C_INT) {
			diag_error(ck->diags, &result_ann->where, "CCW_RESULT(\"bool\") needs %s to "
				   "return bool or an integer, not '%s'", fn->name,
				   describe_c_type(type));
			ctx->failed = true;
		}
		method->return_role = RETURN_STATUS;
		break;
	case RESULT_HRESULT:
		if (type->passthrough != PASS_HRESULT) {
			diag_error(ck->diags, result_ann ? &result_ann->where : &fn->where,
				   "CCW_RESULT(\"hresult\") needs %s to return HRESULT, not '%s'",
				   fn->name, describe_c_type(type));
			ctx->failed = true;
		}
		method->return_role = RETURN_STATUS;
		break;
	}
	if (transfer_ann) {
		diag_error(ck->diags, &transfer_ann->where, "CCW_TRANSFER on %s applies to a returned "
			   "string or object, and %s returns none", fn->name, fn->name);
		ctx->failed = true;
	}
}

/* The COM signature: in and in/out parameters in C order, then out, then the
 * retval; hidden lengths left out. */
static void order_com_params(struct function_context *ctx)
{
	struct model_method *method = ctx->method;
	size_t total = method->param_count + (method->retval_from_return ? 1 : 0), n = 0;
	struct model_param *retval = method->retval_from_return;
	bool optional_seen = false;

	method->com_params = calloc(total ? total : 1, sizeof(*method->com_params));
	if (!method->com_params) {
		note_oom(ctx->ck);
		return;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < method->param_count; i++) {
			struct model_param *param = &method->params[i];
			bool in_first = param->direction == DIR_IN || param->direction == DIR_INOUT;

			if (param->length_of)
				continue;
			if (param->direction == DIR_RETVAL) {
				if (pass == 1)
					continue;
				if (retval) {
					diag_error(ctx->ck->diags, &param->where, "%s has more than one "
						   "[retval] (%s and %s)", ctx->fn->name,
						   retval->c_index < 0 ? "its return value" : retval->name,
						   param->name);
					ctx->failed = true;
				} else {
					retval = param;
				}
				continue;
			}
			if (in_first != (pass == 0))
				continue;
			if (pass == 0 && param->direction == DIR_IN) {
				if (param->optional)
					optional_seen = true;
				else if (optional_seen) {
					diag_error(ctx->ck->diags, &param->where, "parameter '%s' of %s "
						   "follows an optional parameter and must be optional "
						   "too", param->name, ctx->fn->name);
					ctx->failed = true;
				}
			}
			param->com_index = (int)n;
			method->com_params[n++] = param;
		}
	}
	if (retval) {
		retval->com_index = (int)n;
		method->com_params[n++] = retval;
	}
	method->com_param_count = n;
	for (size_t i = 0; i < method->param_count; i++) {
		if (method->params[i].length_of)
			method->params[i].com_index = -1;
	}
}

static void check_property_shape(struct function_context *ctx)
{
	struct model_method *method = ctx->method;
	size_t ins = 0, outs = 0;

	for (size_t i = 0; i < method->com_param_count; i++) {
		if (method->com_params[i]->direction == DIR_IN)
			ins++;
		else
			outs++;
	}
	if (method->kind == METHOD_PROPGET &&
	    (ins != 0 || outs != 1 || method->com_params[method->com_param_count - 1]->direction !=
	     DIR_RETVAL)) {
		diag_error(ctx->ck->diags, &method->where, "property getter %s must take nothing "
			   "besides the object and give one value (its return or one CCW_RETVAL)",
			   ctx->fn->name);
		ctx->failed = true;
	}
	if (method->kind == METHOD_PROPPUT && (ins != 1 || outs != 0)) {
		diag_error(ctx->ck->diags, &method->where, "property setter %s must take exactly one "
			   "in parameter besides the object and return nothing", ctx->fn->name);
		ctx->failed = true;
	}
}

static bool parse_dispid(struct checker *ck, const struct annotation *ann,
			 const struct parsed_options *options, struct pending *pending)
{
	const char *text = option_value(options, "dispid");
	bool is_default = option_flag(options, "default");
	char *end;
	long value;

	if (text) {
		errno = 0;
		value = strtol(text, &end, 10);
		if (end == text || *end || errno || value < 1 || value > INT_MAX) {
			struct location where = option_where(ann, options, "dispid");

			diag_error(ck->diags, &where, "dispid='%s' must be a positive integer", text);
			return false;
		}
		if (is_default) {
			struct location where = option_where(ann, options, "default");

			diag_error(ck->diags, &where, "'default' (DISPID_VALUE) and dispid= conflict");
			return false;
		}
		pending->dispid_given = true;
		pending->dispid = (int)value;
		pending->dispid_where = option_where(ann, options, "dispid");
	} else if (is_default) {
		pending->dispid_given = true;
		pending->dispid = 0;
		pending->dispid_where = option_where(ann, options, "default");
	}
	return true;
}

static struct pending *add_pending(struct checker *ck, struct model_method *method, unsigned order)
{
	struct pending *pending = array_append(&ck->pending, &ck->pending_count, sizeof(*pending));

	if (!pending) {
		note_oom(ck);
		model_method_free(method);
		return NULL;
	}
	pending->method = method;
	pending->order = order;
	return pending;
}

/* Picks the class and interface of a method from its self parameter or
 * class=, and its iface=. */
static bool place_method(struct function_context *ctx, const struct annotation *ann,
			 const struct parsed_options *options, struct model_interface **iface_out)
{
	struct checker *ck = ctx->ck;
	const struct c_function *fn = ctx->fn;
	const char *class_tag = option_value(options, "class");
	const char *iface_name = option_value(options, "iface");
	struct model_class *self_class = fn->param_count ? class_of_pointer(ck, &fn->params[0].type)
							 : NULL;

	if (class_tag) {
		ctx->cls = model_find_class_by_tag(ck->model, class_tag);
		if (!ctx->cls) {
			struct location where = option_where(ann, options, "class");

			diag_error(ck->diags, &where, "class=%s names no struct annotated with CCW_CLASS",
				   class_tag);
			return false;
		}
		ctx->method->has_self = self_class == ctx->cls;
	} else if (self_class) {
		ctx->cls = self_class;
		ctx->method->has_self = true;
	} else {
		diag_error(ck->diags, &fn->where, "%s: the first parameter must be a pointer to a "
			   "struct annotated with CCW_CLASS (or give class=<struct tag>)", fn->name);
		return false;
	}
	if (ctx->method->has_self)
		ctx->method->self_const = fn->params[0].type.pointee->is_const;
	if (iface_name) {
		*iface_out = model_class_find_interface(ctx->cls, iface_name);
		if (!*iface_out) {
			struct location where = option_where(ann, options, "iface");

			diag_error(ck->diags, &where, "interface %s is not declared by class %s "
				   "(add CCW_INTERFACE(\"%s\") to struct %s)", iface_name,
				   ctx->cls->name, iface_name, ctx->cls->c_tag);
			return false;
		}
	} else {
		*iface_out = ctx->cls->default_interface;
	}
	return *iface_out != NULL;
}

static void add_method(struct checker *ck, const struct c_function *fn, const struct annotation *ann)
{
	struct function_context ctx = { ck, fn, NULL, NULL, false };
	struct parsed_options options = parse_options(ck, ann, method_options, false);
	struct model_interface *iface = NULL;
	struct pending dispid = { 0 };
	struct pending *pending;
	const struct annotation *hidden = find_annotation(&fn->annotations, ANN_HIDDEN);
	size_t first;

	ctx.method = model_method_create(&fn->where);
	if (!ctx.method) {
		note_oom(ck);
		goto done;
	}
	ctx.method->kind = ann->kind == ANN_PROPGET ? METHOD_PROPGET :
			   ann->kind == ANN_PROPPUT ? METHOD_PROPPUT : METHOD_PLAIN;
	ctx.method->c_function = dup_checked(ck, fn->name);
	if (!options.ok || !place_method(&ctx, ann, &options, &iface) ||
	    !parse_dispid(ck, ann, &options, &dispid))
		goto fail;
	if (fn->variadic) {
		diag_error(ck->diags, &fn->where, "%s is variadic; COM methods have fixed parameters",
			   fn->name);
		goto fail;
	}
	ctx.method->name = naming_method_name(fn->name, ctx.cls->c_tag, ctx.method->kind);
	if (!ctx.method->name)
		note_oom(ck);
	parse_name_option(ck, ann, &options, "name", &ctx.method->name);
	ctx.method->hidden = option_flag(&options, "hidden") || hidden;
	if (hidden)
		require_no_options(ck, hidden);
	ctx.method->help = dup_checked(ck, option_value(&options, "help"));
	if (!iface->dual && dispid.dispid_given) {
		diag_error(ck->diags, &dispid.dispid_where, "%s is in custom interface %s, which has "
			   "no DISPIDs", fn->name, iface->name);
		ctx.failed = true;
	}

	first = ctx.method->has_self ? 1 : 0;
	if (fn->param_count > first) {
		ctx.method->params = calloc(fn->param_count - first, sizeof(*ctx.method->params));
		if (!ctx.method->params) {
			note_oom(ck);
			goto fail;
		}
		ctx.method->param_count = fn->param_count - first;
	}
	if (ctx.method->has_self && fn->params[0].annotations.count)
		diag_error(ck->diags, &fn->params[0].annotations.items[0].where,
			   "%s cannot be placed on the object parameter '%s'",
			   annotation_macro_name(fn->params[0].annotations.items[0].kind),
			   fn->params[0].name);
	for (size_t i = first; i < fn->param_count; i++)
		check_param(&ctx, &fn->params[i], i, &ctx.method->params[i - first]);
	link_sizes(&ctx, first, ctx.method->param_count);
	check_result(&ctx, single_annotation(ck, &fn->annotations, ANN_RESULT),
		     single_annotation(ck, &fn->annotations, ANN_TRANSFER));
	order_com_params(&ctx);
	if (ctx.failed || ck->oom)
		goto fail;
	if (ctx.method->kind != METHOD_PLAIN)
		check_property_shape(&ctx);
	if (ctx.failed)
		goto fail;
	ctx.method->iface = iface;
	pending = add_pending(ck, ctx.method, fn->order);
	if (pending) {
		dispid.method = pending->method;
		dispid.order = pending->order;
		*pending = dispid;
	}
	goto done;
fail:
	model_method_free(ctx.method);
done:
	option_list_free(&options.list);
}

static void check_constructor(struct checker *ck, const struct c_function *fn,
			      const struct annotation *ann, bool destructor)
{
	struct model_class *cls = NULL;
	bool shape_ok;

	require_no_options(ck, ann);
	if (destructor) {
		cls = fn->param_count == 1 ? class_of_pointer(ck, &fn->params[0].type) : NULL;
		shape_ok = cls && fn->result.kind == C_VOID && !fn->variadic &&
			   !fn->params[0].type.pointee->is_const;
	} else {
		cls = class_of_pointer(ck, &fn->result);
		shape_ok = cls && fn->param_count == 0 && !fn->variadic;
	}
	if (!shape_ok) {
		diag_error(ck->diags, &ann->where, destructor ?
			   "CCW_DESTRUCTOR %s must be 'void %s(T *)' with T a CCW_CLASS struct" :
			   "CCW_CONSTRUCTOR %s must be 'T *%s(void)' with T a CCW_CLASS struct",
			   fn->name, fn->name);
		return;
	}
	if (destructor ? cls->destructor != NULL : cls->constructor != NULL) {
		diag_error(ck->diags, &ann->where, "class %s already has a %s (%s)", cls->name,
			   destructor ? "destructor" : "constructor",
			   destructor ? cls->destructor : cls->constructor);
		return;
	}
	if (destructor) {
		cls->destructor = dup_checked(ck, fn->name);
		cls->destructor_where = ann->where;
	} else {
		cls->constructor = dup_checked(ck, fn->name);
		cls->constructor_where = ann->where;
	}
}

static void check_function(struct checker *ck, const struct c_function *fn)
{
	static const bool allowed[ANN_KIND_COUNT] = {
		[ANN_CONSTRUCTOR] = true, [ANN_DESTRUCTOR] = true, [ANN_METHOD] = true,
		[ANN_PROPGET] = true, [ANN_PROPPUT] = true, [ANN_RESULT] = true,
		[ANN_TRANSFER] = true, [ANN_HIDDEN] = true,
	};
	const struct annotation *role = NULL;
	bool any_param_annotation = false;

	reject_misplaced(ck, &fn->annotations, allowed, "a function");
	for (size_t i = 0; i < fn->annotations.count; i++) {
		const struct annotation *ann = &fn->annotations.items[i];

		if (ann->kind != ANN_CONSTRUCTOR && ann->kind != ANN_DESTRUCTOR &&
		    ann->kind != ANN_METHOD && ann->kind != ANN_PROPGET && ann->kind != ANN_PROPPUT)
			continue;
		if (role) {
			diag_error(ck->diags, &ann->where, "%s conflicts with %s on %s",
				   annotation_macro_name(ann->kind), annotation_macro_name(role->kind),
				   fn->name);
			return;
		}
		role = ann;
	}
	for (size_t i = 0; i < fn->param_count; i++)
		any_param_annotation |= fn->params[i].annotations.count > 0;
	if (!role) {
		const struct annotation *stray = fn->annotations.count ? &fn->annotations.items[0] : NULL;

		for (size_t i = 0; !stray && i < fn->param_count; i++) {
			if (fn->params[i].annotations.count)
				stray = &fn->params[i].annotations.items[0];
		}
		if (stray)
			diag_error(ck->diags, &stray->where, "%s on %s, which is not a CCW_METHOD, "
				   "CCW_PROPGET, CCW_PROPPUT, CCW_CONSTRUCTOR or CCW_DESTRUCTOR",
				   annotation_macro_name(stray->kind), fn->name);
		return;
	}
	if (role->kind == ANN_CONSTRUCTOR || role->kind == ANN_DESTRUCTOR) {
		for (size_t i = 0; i < fn->annotations.count; i++) {
			if (&fn->annotations.items[i] != role)
				diag_error(ck->diags, &fn->annotations.items[i].where,
					   "%s cannot be combined with %s",
					   annotation_macro_name(fn->annotations.items[i].kind),
					   annotation_macro_name(role->kind));
		}
		if (any_param_annotation)
			diag_error(ck->diags, &fn->where, "the parameters of %s %s take no annotations",
				   annotation_macro_name(role->kind), fn->name);
		check_constructor(ck, fn, role, role->kind == ANN_DESTRUCTOR);
		return;
	}
	add_method(ck, fn, role);
}

/* CCW_PROPERTY on a field: a getter, and a setter unless readonly. */
static void check_field(struct checker *ck, const struct c_struct *st, const struct c_field *field)
{
	static const bool allowed[ANN_KIND_COUNT] = { [ANN_PROPERTY] = true, [ANN_HIDDEN] = true };
	const struct annotation *ann, *hidden;
	struct parsed_options options;
	struct model_class *cls;
	struct model_interface *iface;
	struct model_type type;
	struct pending dispid = { 0 };
	bool readonly;
	enum typemap_status status;

	reject_misplaced(ck, &field->annotations, allowed, "a field");
	ann = single_annotation(ck, &field->annotations, ANN_PROPERTY);
	hidden = find_annotation(&field->annotations, ANN_HIDDEN);
	if (!ann) {
		if (hidden)
			diag_error(ck->diags, &hidden->where, "CCW_HIDDEN on field %s, which is not a "
				   "CCW_PROPERTY", field->name);
		return;
	}
	cls = model_find_class_by_tag(ck->model, st->tag);
	if (!cls) {
		diag_error(ck->diags, &ann->where, "CCW_PROPERTY on a field of struct %s, which has "
			   "no CCW_CLASS", st->tag);
		return;
	}
	options = parse_options(ck, ann, property_options, false);
	if (!options.ok || !parse_dispid(ck, ann, &options, &dispid))
		goto done;
	iface = cls->default_interface;
	if (option_value(&options, "iface")) {
		iface = model_class_find_interface(cls, option_value(&options, "iface"));
		if (!iface) {
			struct location where = option_where(ann, &options, "iface");

			diag_error(ck->diags, &where, "interface %s is not declared by class %s",
				   option_value(&options, "iface"), cls->name);
			goto done;
		}
	}
	if (!iface)
		goto done;
	if (!iface->dual && dispid.dispid_given) {
		diag_error(ck->diags, &dispid.dispid_where, "field %s is in custom interface %s, "
			   "which has no DISPIDs", field->name, iface->name);
		goto done;
	}
	status = typemap_value(&field->type, ck->model, &type);
	if (status == TYPEMAP_NO_MEMORY) {
		note_oom(ck);
		goto done;
	}
	if (status == TYPEMAP_UNSUPPORTED) {
		diag_error(ck->diags, &field->where, "unsupported type '%s' of field %s in struct %s",
			   describe_c_type(&field->type), field->name, st->tag);
		goto done;
	}
	readonly = option_flag(&options, "readonly");
	if (!readonly && (type.kind == COM_STRING || type.kind == COM_OBJECT)) {
		diag_error(ck->diags, &ann->where, "field %s holds %s: it must be readonly (who "
			   "would own a replaced value?)", field->name,
			   type.kind == COM_STRING ? "a string" : "an object");
		typemap_type_free(&type);
		goto done;
	}
	for (int put = 0; put < (readonly ? 1 : 2); put++) {
		struct model_method *method = model_method_create(&field->where);
		struct model_param *param;
		struct pending *pending;

		if (!method)
			goto oom;
		method->kind = put ? METHOD_PROPPUT : METHOD_PROPGET;
		method->c_field = dup_checked(ck, field->name);
		method->name = naming_pascal_case(field->name);
		if (!method->name)
			note_oom(ck);
		parse_name_option(ck, ann, &options, "name", &method->name);
		method->has_self = true;
		method->self_const = !put;
		method->hidden = option_flag(&options, "hidden") || hidden;
		method->help = dup_checked(ck, option_value(&options, "help"));
		method->c_return_spelling = dup_checked(ck, put ? "void" : field->type.spelling);
		method->iface = iface;
		param = calloc(1, sizeof(*param));
		method->com_params = calloc(1, sizeof(*method->com_params));
		if (!param || !method->com_params) {
			free(param);
			model_method_free(method);
			goto oom;
		}
		param->where = field->where;
		param->name = dup_checked(ck, put ? "value" : "result");
		param->c_spelling = dup_checked(ck, field->type.spelling);
		param->direction = put ? DIR_IN : DIR_RETVAL;
		param->type = type;
		param->type.com_name = dup_checked(ck, type.com_name);
		param->type.c_spelling = dup_checked(ck, type.c_spelling);
		param->transfer = put || (type.kind != COM_STRING && type.kind != COM_OBJECT) ?
				  TRANSFER_NONE_APPLICABLE : TRANSFER_NONE;
		if (put) {
			method->params = param;
			method->param_count = 1;
			param->c_index = 0;
			method->return_role = RETURN_NONE;
		} else {
			method->retval_from_return = param;
			param->c_index = -1;
			method->return_role = RETURN_RETVAL;
		}
		method->com_params[0] = param;
		method->com_param_count = 1;
		pending = add_pending(ck, method, field->order);
		if (pending) {
			dispid.method = method;
			dispid.order = field->order;
			*pending = dispid;
		}
	}
	typemap_type_free(&type);
	goto done;
oom:
	typemap_type_free(&type);
	note_oom(ck);
done:
	option_list_free(&options.list);
}

/* ---- slots and DISPIDs -------------------------------------------------- */

static int compare_unsigned(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

/* Groups the methods by interface, in declaration order within each. */
static int compare_by_declaration(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	int c = compare_unsigned(x->class_pos, y->class_pos);

	if (!c)
		c = compare_unsigned(x->iface_pos, y->iface_pos);
	if (!c)
		c = compare_unsigned(x->order, y->order);
	/* A field's getter before its setter; a function is one member. */
	return c ? c : (int)x->method->kind - (int)y->method->kind;
}

/* Slot order: each property's getter and then its setter at the place of the
 * first of them. */
static int compare_by_slot(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	int c = compare_unsigned(x->class_pos, y->class_pos);

	if (!c)
		c = compare_unsigned(x->iface_pos, y->iface_pos);
	if (!c)
		c = compare_unsigned(x->group, y->group);
	if (!c)
		c = (int)x->method->kind - (int)y->method->kind;
	return c ? c : compare_unsigned(x->order, y->order);
}

static bool same_interface(const struct pending *a, const struct pending *b)
{
	return a->class_pos == b->class_pos && a->iface_pos == b->iface_pos;
}

/* Sorts every pending method into its interface's slot order. */
static void sort_pending(struct checker *ck)
{
	struct name_index properties;

	if (!ck->pending_count)
		return;
	for (size_t i = 0; i < ck->pending_count; i++) {
		struct pending *p = &ck->pending[i];
		struct model_interface *iface = p->method->iface;

		if (!name_index_get(&ck->model->class_by_tag, iface->owner->c_tag, &p->class_pos))
			p->class_pos = 0; /* every method's class is in the model */
		for (p->iface_pos = 0; iface->owner->interfaces[p->iface_pos] != iface;)
			p->iface_pos++;
		p->group = p->order;
	}
	qsort(ck->pending, ck->pending_count, sizeof(*ck->pending), compare_by_declaration);
	/* Within each interface, a property's accessors take the order of the
	 * first of them. */
	name_index_init(&properties, true);
	for (size_t i = 0; i < ck->pending_count; i++) {
		struct pending *p = &ck->pending[i];
		size_t first;

		if (i > 0 && !same_interface(p, &ck->pending[i - 1]))
			name_index_free(&properties);
		if (p->method->kind == METHOD_PLAIN || !p->method->name)
			continue;
		if (name_index_get(&properties, p->method->name, &first))
			p->group = ck->pending[first].order;
		else if (name_index_put(&properties, p->method->name, i) < 0)
			note_oom(ck);
	}
	name_index_free(&properties);
	qsort(ck->pending, ck->pending_count, sizeof(*ck->pending), compare_by_slot);
}

/* The members of one interface that share a name (case-insensitively): for
 * member i, first[i] is the first member of that name and next[i] the one
 * after i (NO_MEMBER at the end); partner[i] is the accessor of the other
 * kind of the same property (a getter's setter, a setter's getter), or
 * NO_MEMBER. A name used more than once otherwise is an error (check_members)
 * and meets no quadratic walk here. */
#define NO_MEMBER ((size_t)-1)

struct namesakes {
	size_t *first, *next, *partner;
};

/* Pairs each getter with its setter: the first of each kind in a chain. */
static void find_partners(const struct model_interface *iface, struct namesakes *namesakes)
{
	for (size_t head = 0; head < iface->method_count; head++) {
		size_t accessor[2] = { NO_MEMBER, NO_MEMBER }; /* getter, setter */

		if (namesakes->first[head] != head)
			continue;
		for (size_t j = head; j != NO_MEMBER; j = namesakes->next[j]) {
			enum method_kind kind = iface->methods[j]->kind;

			if (kind != METHOD_PLAIN && accessor[kind == METHOD_PROPPUT] == NO_MEMBER)
				accessor[kind == METHOD_PROPPUT] = j;
		}
		for (size_t j = head; j != NO_MEMBER; j = namesakes->next[j]) {
			enum method_kind kind = iface->methods[j]->kind;

			namesakes->partner[j] = kind == METHOD_PLAIN ? NO_MEMBER :
						accessor[kind == METHOD_PROPGET];
		}
	}
}

static int link_namesakes(const struct model_interface *iface, struct namesakes *out)
{
	size_t count = iface->method_count ? iface->method_count : 1;
	size_t *last = calloc(count, sizeof(*last));
	struct name_index names;
	int status = -1;

	name_index_init(&names, true);
	out->first = calloc(count, sizeof(*out->first));
	out->next = calloc(count, sizeof(*out->next));
	out->partner = calloc(count, sizeof(*out->partner));
	if (!last || !out->first || !out->next || !out->partner)
		goto done;
	for (size_t i = 0; i < iface->method_count; i++) {
		const char *name = iface->methods[i]->name;
		size_t first;

		out->next[i] = NO_MEMBER;
		if (name && name_index_get(&names, name, &first)) {
			out->first[i] = first;
			out->next[last[first]] = i;
			last[first] = i;
		} else {
			out->first[i] = i;
			last[i] = i;
			if (name && name_index_put(&names, name, i) < 0)
				goto done;
		}
	}
	find_partners(iface, out);
	status = 0;
done:
	free(last);
	name_index_free(&names);
	if (status < 0) {
		free(out->first);
		free(out->next);
		free(out->partner);
	}
	return status;
}

static void free_namesakes(struct namesakes *namesakes)
{
	free(namesakes->first);
	free(namesakes->next);
	free(namesakes->partner);
}

static void check_members(struct checker *ck, struct model_interface *iface,
			  const struct namesakes *namesakes)
{
	for (size_t i = 0; i < iface->method_count; i++) {
		struct model_method *method = iface->methods[i];
		bool has_getter = method->kind != METHOD_PROPPUT;

		for (size_t j = namesakes->first[i]; j != NO_MEMBER; j = namesakes->next[j]) {
			struct model_method *other = iface->methods[j];

			if (j == i)
				continue;
			if (other->kind == METHOD_PROPGET)
				has_getter = true;
			if (j < i && (method->kind == METHOD_PLAIN || other->kind == METHOD_PLAIN ||
				      method->kind == other->kind)) {
				diag_error(ck->diags, &method->where, "%s: member name %s is already used "
					   "in interface %s by %s (names are case-insensitive)",
					   method->c_function ? method->c_function : method->c_field,
					   method->name, iface->name,
					   other->c_function ? other->c_function : other->c_field);
				break;
			}
		}
		if (!has_getter)
			diag_error(ck->diags, &method->where, "property setter %s has no getter: add a "
				   "CCW_PROPGET for property %s", method->c_function ? method->c_function :
				   method->c_field, method->name);
	}
}

/* A method holding a DISPID after the given ones are placed: its position in
 * slot order and when (the position of the method whose dispid= gave it) it
 * got it, so a given DISPID clashes only with those numbered before it. */
struct dispid_holder {
	int dispid;
	size_t position, since;
};

static int compare_holders(const void *a, const void *b)
{
	const struct dispid_holder *x = a, *y = b;

	if (x->dispid != y->dispid)
		return x->dispid < y->dispid ? -1 : 1;
	return compare_unsigned(x->position, y->position);
}

/* Reports a given DISPID that an earlier method already holds, other than
 * the property's own partner. Sorting the holders by DISPID keeps this linear
 * in the methods (times the few holders of one number). */
static void report_dispid_clashes(struct checker *ck, struct model_interface *iface,
				  const struct pending *run, const struct namesakes *namesakes,
				  struct dispid_holder *holders, size_t count)
{
	qsort(holders, count, sizeof(*holders), compare_holders);
	for (size_t h = 0, group = 0; h < count; h++) {
		size_t i = holders[h].position;
		struct model_method *method = iface->methods[i];

		if (h > 0 && holders[h].dispid != holders[h - 1].dispid)
			group = h;
		if (!run[i].dispid_given || holders[h].since != i)
			continue;
		for (size_t g = group; g < h; g++) {
			size_t j = holders[g].position;

			if (j < i && holders[g].since < i && j != namesakes->partner[i]) {
				diag_error(ck->diags, &run[i].dispid_where, "DISPID %d of %s is already "
					   "used by %s in interface %s", run[i].dispid, method->name,
					   iface->methods[j]->name, iface->name);
				break;
			}
		}
	}
}

/* Records that method `position` holds `dispid` since method `since` gave it
 * (one record per method: a later one replaces an earlier). */
static void hold_dispid(struct dispid_holder *holders, size_t *count, size_t *holder_of,
			int dispid, size_t position, size_t since)
{
	if (holder_of[position] == NO_MEMBER)
		holder_of[position] = (*count)++;
	holders[holder_of[position]] = (struct dispid_holder){ dispid, position, since };
}

/* Given DISPIDs first (a property's get and put share one), then the others
 * in slot order, skipping numbers already taken. `run` holds the pending
 * entries of the interface's methods, in slot order. */
static void number_interface(struct checker *ck, struct model_interface *iface,
			     const struct pending *run, const struct namesakes *namesakes)
{
	size_t count = iface->method_count ? iface->method_count : 1;
	unsigned slot = iface->dual ? 7 : 3;
	struct dispid_holder *holders = NULL;
	size_t holder_count = 0, taken = 0, *holder_of = NULL;
	int next_dispid = 1;

	for (size_t i = 0; i < iface->method_count; i++) {
		iface->methods[i]->slot = slot++;
		iface->methods[i]->dispid = -1;
	}
	if (!iface->dual)
		return;
	holders = calloc(count, sizeof(*holders));
	holder_of = malloc(count * sizeof(*holder_of));
	if (!holders || !holder_of) {
		note_oom(ck);
		goto done;
	}
	for (size_t i = 0; i < iface->method_count; i++)
		holder_of[i] = NO_MEMBER;
	for (size_t i = 0; i < iface->method_count; i++) {
		size_t j = namesakes->partner[i];

		if (!run[i].dispid_given)
			continue;
		if (j != NO_MEMBER && j < i && run[j].dispid_given && run[j].dispid != run[i].dispid)
			diag_error(ck->diags, &run[i].dispid_where, "property %s has two DISPIDs "
				   "(%d and %d)", iface->methods[i]->name, run[j].dispid, run[i].dispid);
		iface->methods[i]->dispid = run[i].dispid;
		hold_dispid(holders, &holder_count, holder_of, run[i].dispid, i, i);
		if (j != NO_MEMBER && iface->methods[j]->dispid < 0) {
			iface->methods[j]->dispid = run[i].dispid;
			hold_dispid(holders, &holder_count, holder_of, run[i].dispid, j, i);
		}
	}
	report_dispid_clashes(ck, iface, run, namesakes, holders, holder_count);
	/* Holders are now sorted by DISPID; numbers handed out below only grow,
	 * so one pass over them finds every number already taken. */
	for (size_t i = 0; i < iface->method_count; i++) {
		struct model_method *method = iface->methods[i];
		size_t j = namesakes->partner[i];

		if (method->dispid >= 0)
			continue;
		while (taken < holder_count && holders[taken].dispid <= next_dispid) {
			if (holders[taken].dispid == next_dispid)
				next_dispid++;
			taken++;
		}
		method->dispid = next_dispid++;
		if (j != NO_MEMBER && j > i)
			iface->methods[j]->dispid = method->dispid;
	}
done:
	free(holders);
	free(holder_of);
}

/* IDispatch::Invoke converts a dual method's arguments in a fixed-size
 * frame (ccw_invocation.args, [retval] included), so more could not be called. */
static void check_late_bound_params(struct checker *ck, const struct model_interface *iface)
{
	if (!iface->dual)
		return;
	for (size_t i = 0; i < iface->method_count; i++) {
		const struct model_method *method = iface->methods[i];

		if (method->com_param_count > CCW_DISPATCH_MAX_PARAMS)
			diag_error(ck->diags, &method->where, "%s has %zu parameters; a method of "
				   "dual interface %s takes at most %d (mark the interface custom)",
				   method->name, method->com_param_count, iface->name,
				   CCW_DISPATCH_MAX_PARAMS);
	}
}

/* Appends each interface's methods in slot order, then checks their names
 * and numbers their slots and DISPIDs. */
static void lay_out_interfaces(struct checker *ck)
{
	size_t next = 0;

	sort_pending(ck);
	for (size_t i = 0; i < ck->model->class_count; i++) {
		for (size_t j = 0; j < ck->model->classes[i]->interface_count; j++) {
			struct model_interface *iface = ck->model->classes[i]->interfaces[j];
			/* Its methods' entries, if it has any (pending is NULL if none). */
			const struct pending *run = ck->pending ? &ck->pending[next] : NULL;
			struct namesakes namesakes;

			while (next < ck->pending_count && ck->pending[next].class_pos == i &&
			       ck->pending[next].iface_pos == j) {
				if (model_interface_append_method(iface, ck->pending[next].method) < 0) {
					note_oom(ck);
					model_method_free(ck->pending[next].method);
				}
				next++;
			}
			if (ck->oom)
				continue;
			if (link_namesakes(iface, &namesakes) < 0) {
				note_oom(ck);
				continue;
			}
			check_members(ck, iface, &namesakes);
			check_late_bound_params(ck, iface);
			number_interface(ck, iface, run, &namesakes);
			free_namesakes(&namesakes);
		}
	}
}

/* The parameters' names in the header and IDL (model_param.com_name). */
static void name_com_params(struct checker *ck, struct model_method *method)
{
	static const char *const prefixes[] = { [METHOD_PLAIN] = "", [METHOD_PROPGET] = "get_",
						[METHOD_PROPPUT] = "put_" };
	size_t count = method->com_param_count;
	const char **c_names = calloc(count ? count : 1, sizeof(*c_names));
	char **com_names = calloc(count ? count : 1, sizeof(*com_names));
	char *member = malloc(strlen(prefixes[method->kind]) + strlen(method->name) + 1);

	if (!c_names || !com_names || !member) {
		note_oom(ck);
		goto done;
	}
	strcpy(member, prefixes[method->kind]);
	strcat(member, method->name);
	for (size_t i = 0; i < count; i++)
		c_names[i] = method->com_params[i]->name;
	/* A returned value is the last COM parameter; its "result" is made up. */
	if (naming_com_params(c_names, count, method->retval_from_return && count > 0 &&
			      method->com_params[count - 1] == method->retval_from_return,
			      member, com_names) < 0) {
		note_oom(ck);
		goto done;
	}
	for (size_t i = 0; i < count; i++)
		method->com_params[i]->com_name = com_names[i];
done:
	free(c_names);
	free(com_names);
	free(member);
}

static void name_all_com_params(struct checker *ck)
{
	if (ck->oom)
		return; /* names may be missing */
	for (size_t c = 0; c < ck->model->class_count; c++) {
		const struct model_class *cls = ck->model->classes[c];

		for (size_t i = 0; i < cls->interface_count; i++) {
			for (size_t m = 0; m < cls->interfaces[i]->method_count; m++)
				name_com_params(ck, cls->interfaces[i]->methods[m]);
		}
	}
}

/* ---- GUIDs and classes -------------------------------------------------- */

static void derive_guid(struct checker *ck, struct uuid *out, const char *seed,
			const struct location *where, const char *what, const char *name,
			const char *option)
{
	char text[UUID_STRING_SIZE];

	uuid_v5(&uuid_namespace_ccwgen, seed, strlen(seed), out);
	uuid_format(out, text);
	if (ck->options->strict_guids)
		diag_error(ck->diags, where, "%s %s has no %s= (required by --strict-guids; "
			   "derived would be %s)", what, name, option, text);
	else
		diag_warning(ck->diags, where, "%s %s has no %s=; using %s, derived from \"%s\"",
			     what, name, option, text, seed);
}

static void assign_guids(struct checker *ck)
{
	struct model *model = ck->model;
	char *seed;
	size_t len;

	len = strlen(model->name) + sizeof(".TypeLib");
	seed = malloc(len);
	if (!seed) {
		note_oom(ck);
		return;
	}
	snprintf(seed, len, "%s.TypeLib", model->name);
	uuid_v5(&uuid_namespace_ccwgen, seed, strlen(seed), &model->libid);
	free(seed);
	for (size_t i = 0; i < model->class_count; i++) {
		struct model_class *cls = model->classes[i];
		const char *class_seed = cls->progid ? cls->progid : cls->name;

		if (!class_seed)
			continue;
		if (cls->clsid_derived)
			derive_guid(ck, &cls->clsid, class_seed, &cls->where, "class", cls->name,
				    "clsid");
		for (size_t j = 0; j < cls->interface_count; j++) {
			struct model_interface *iface = cls->interfaces[j];

			if (!iface->iid_derived)
				continue;
			len = strlen(class_seed) + strlen(iface->name) + 2;
			seed = malloc(len);
			if (!seed) {
				note_oom(ck);
				return;
			}
			snprintf(seed, len, "%s.%s", class_seed, iface->name);
			derive_guid(ck, &iface->iid, seed, &iface->where, "interface", iface->name,
				    "iid");
			free(seed);
		}
	}
}

struct guid_use {
	const struct uuid *guid;
	const struct location *where;
	const char *owner;
};

static void check_unique_guids(struct checker *ck)
{
	struct model *model = ck->model;
	struct guid_use *uses = NULL;
	size_t count = 0;

	for (size_t i = 0; i < model->class_count; i++) {
		struct model_class *cls = model->classes[i];
		struct guid_use *use = array_append(&uses, &count, sizeof(*use));

		if (!use)
			goto oom;
		*use = (struct guid_use){ &cls->clsid, &cls->where, cls->name };
		for (size_t j = 0; j < cls->interface_count; j++) {
			use = array_append(&uses, &count, sizeof(*use));
			if (!use)
				goto oom;
			*use = (struct guid_use){ &cls->interfaces[j]->iid, &cls->interfaces[j]->where,
						  cls->interfaces[j]->name };
		}
	}
	static const struct uuid unset;

	for (size_t i = 0; i < count; i++) {
		/* A malformed GUID was reported where it was written. */
		if (memcmp(uses[i].guid, &unset, sizeof(unset)) == 0)
			continue;
		for (size_t j = 0; j < i; j++) {
			if (memcmp(uses[i].guid, uses[j].guid, sizeof(struct uuid)) == 0) {
				char text[UUID_STRING_SIZE];

				uuid_format(uses[i].guid, text);
				diag_error(ck->diags, uses[i].where, "GUID %s of %s is already used by %s",
					   text, uses[i].owner ? uses[i].owner : "?",
					   uses[j].owner ? uses[j].owner : "?");
				break;
			}
		}
	}
	free(uses);
	return;
oom:
	free(uses);
	note_oom(ck);
}

static void check_classes(struct checker *ck)
{
	for (size_t i = 0; i < ck->model->class_count; i++) {
		struct model_class *cls = ck->model->classes[i];

		/* The QI table also holds IUnknown, ISupportErrorInfo and IDispatch. */
		if (cls->interface_count > CCW_QI_MAX_IIDS - 3)
			diag_error(ck->diags, &cls->where, "class %s has %zu interfaces; at most %d "
				   "fit its QueryInterface table", cls->name, cls->interface_count,
				   CCW_QI_MAX_IIDS - 3);
		if (cls->noncreatable)
			continue;
		if (!cls->progid)
			diag_error(ck->diags, &cls->where, "class %s is creatable but has no progid= "
				   "(give one, or mark it noncreatable)", cls->name);
		if (!cls->constructor)
			diag_error(ck->diags, &cls->where, "class %s is creatable but has no "
				   "CCW_CONSTRUCTOR (add one, or mark it noncreatable)", cls->name);
	}
}

struct model *check_build_model(const struct decl_set *decls, const struct check_options *options,
				struct diag_list *diags)
{
	struct checker ck = { decls, options, diags, NULL, NULL, 0, false };
	struct location nowhere = { 0 };

	ck.model = model_create(options->name);
	if (!ck.model) {
		diag_error(diags, &nowhere, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < decls->struct_count; i++) {
		if (decls->structs[i].annotations.count)
			add_class(&ck, &decls->structs[i]);
	}
	check_unique_type_names(&ck);
	for (size_t i = 0; i < decls->struct_count; i++) {
		for (size_t j = 0; j < decls->structs[i].field_count; j++)
			check_field(&ck, &decls->structs[i], &decls->structs[i].fields[j]);
	}
	for (size_t i = 0; i < decls->function_count; i++) {
		bool annotated = decls->functions[i].annotations.count > 0;

		for (size_t j = 0; !annotated && j < decls->functions[i].param_count; j++)
			annotated = decls->functions[i].params[j].annotations.count > 0;
		if (annotated)
			check_function(&ck, &decls->functions[i]);
	}
	lay_out_interfaces(&ck);
	name_all_com_params(&ck);
	check_classes(&ck);
	assign_guids(&ck);
	check_unique_guids(&ck);
	free(ck.pending);
	if (ck.oom) {
		diag_error(diags, &nowhere, "out of memory");
		model_free(ck.model);
		return NULL;
	}
	return ck.model;
}
