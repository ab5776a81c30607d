/*
 * sidecar.c - annotations from a JSON sidecar (see sidecar.h).
 *
 * cJSON parses and validates; it keeps no positions, so a light scan of the
 * same text walks the tree in the same order and records where each key and
 * value starts (and the column of each byte of a string value), which every
 * diagnostic about the sidecar then points at.
 */
#include "sidecar.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "utf8.h"
#include "util.h"

/* Where a JSON node is in the text. */
struct node_place {
	const cJSON *node;
	struct location key;    /* for object members */
	struct location value;
	unsigned *columns;      /* string values: the column of each decoded byte */
};

struct sidecar {
	const char *file; /* interned */
	const char *text;
	size_t len, pos;
	unsigned line, column;
	struct node_place *places;
	size_t place_count;
	struct decl_set *decls;
	struct diag_list *diags;
	bool failed;
	bool oom;
};

static void advance(struct sidecar *sc)
{
	if (sc->pos >= sc->len)
		return;
	if (sc->text[sc->pos] == '\n') {
		sc->line++;
		sc->column = 1;
	} else {
		sc->column++;
	}
	sc->pos++;
}

static void skip_space(struct sidecar *sc)
{
	while (sc->pos < sc->len && strchr(" \t\r\n", sc->text[sc->pos]) && sc->text[sc->pos])
		advance(sc);
}

static struct location here(const struct sidecar *sc)
{
	struct location where = { sc->file, sc->line, sc->column };
	return where;
}

static unsigned utf8_length(unsigned code)
{
	return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

static unsigned hex4(const char *p)
{
	unsigned value = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];

		value = value * 16 + (unsigned)(c >= '0' && c <= '9' ? c - '0' :
						c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10);
	}
	return value;
}

/* Steps over a string (already validated by cJSON), returning the column of
 * each decoded byte when `columns` is wanted (`decoded_len` bytes + 1). */
static unsigned *scan_string(struct sidecar *sc, size_t decoded_len, bool want_columns)
{
	unsigned *columns = want_columns ? calloc(decoded_len + 1, sizeof(*columns)) : NULL;
	size_t n = 0;

	if (want_columns && !columns)
		sc->oom = true;
	advance(sc); /* opening quote */
	while (sc->pos < sc->len && sc->text[sc->pos] != '"') {
		unsigned start = sc->column, bytes = 1;

		if (sc->text[sc->pos] == '\\') {
			advance(sc);
			if (sc->pos < sc->len && sc->text[sc->pos] == 'u' && sc->pos + 4 < sc->len) {
				unsigned code = hex4(sc->text + sc->pos + 1);

				for (int i = 0; i < 5; i++)
					advance(sc);
				if (code >= 0xD800 && code < 0xDC00 && sc->pos + 6 <= sc->len &&
				    sc->text[sc->pos] == '\\') {
					for (int i = 0; i < 6; i++)
						advance(sc);
					code = 0x10000;
				}
				bytes = utf8_length(code);
			} else {
				advance(sc);
			}
		} else {
			advance(sc);
		}
		for (unsigned i = 0; i < bytes; i++) {
			if (columns && n < decoded_len)
				columns[n] = start;
			n++;
		}
	}
	if (columns)
		columns[n < decoded_len ? n : decoded_len] = sc->column;
	advance(sc); /* closing quote */
	return columns;
}

static void scan_value(struct sidecar *sc, const cJSON *node, struct location key_where);

static void record(struct sidecar *sc, const cJSON *node, struct location key_where,
		   struct location value_where, unsigned *columns)
{
	struct node_place *place = array_append(&sc->places, &sc->place_count, sizeof(*place));

	if (!place) {
		free(columns);
		sc->oom = true;
		return;
	}
	place->node = node;
	place->key = key_where;
	place->value = value_where;
	place->columns = columns;
}

static void scan_value(struct sidecar *sc, const cJSON *node, struct location key_where)
{
	struct location value_where;

	skip_space(sc);
	value_where = here(sc);
	if (cJSON_IsObject(node) || cJSON_IsArray(node)) {
		bool object = cJSON_IsObject(node);

		record(sc, node, key_where, value_where, NULL);
		advance(sc);
		for (const cJSON *child = node->child; child; child = child->next) {
			struct location child_key = { 0 };

			skip_space(sc);
			if (object) {
				child_key = here(sc);
				free(scan_string(sc, 0, false));
				skip_space(sc);
				advance(sc); /* ':' */
			}
			scan_value(sc, child, child_key);
			skip_space(sc);
			if (sc->pos < sc->len && sc->text[sc->pos] == ',')
				advance(sc);
		}
		skip_space(sc);
		advance(sc);
	} else if (cJSON_IsString(node)) {
		record(sc, node, key_where, value_where,
		       scan_string(sc, strlen(node->valuestring), true));
	} else {
		record(sc, node, key_where, value_where, NULL);
		while (sc->pos < sc->len && !strchr(",]} \t\r\n", sc->text[sc->pos]))
			advance(sc);
	}
}

static const struct node_place *place_of(const struct sidecar *sc, const cJSON *node)
{
	for (size_t i = 0; i < sc->place_count; i++) {
		if (sc->places[i].node == node)
			return &sc->places[i];
	}
	return NULL;
}

static struct location key_location(const struct sidecar *sc, const cJSON *node)
{
	const struct node_place *place = place_of(sc, node);
	struct location where = { sc->file, 0, 0 };

	return place ? place->key : where;
}

static struct location value_location(const struct sidecar *sc, const cJSON *node)
{
	const struct node_place *place = place_of(sc, node);
	struct location where = { sc->file, 0, 0 };

	return place ? place->value : where;
}

static const char *json_type_name(const cJSON *node)
{
	if (cJSON_IsObject(node)) return "an object";
	if (cJSON_IsArray(node)) return "an array";
	if (cJSON_IsString(node)) return "a string";
	if (cJSON_IsNumber(node)) return "a number";
	if (cJSON_IsBool(node)) return "a boolean";
	return "null";
}

/* Where a value sits, as `section.entry.member` (the parts given), printed
 * whole by the diagnostic however long the names are. */
struct key_path {
	const char *section, *entry, *member;
};

/* A path given whole, such as "the sidecar" or "each of classes.*.properties". */
static struct key_path whole_path(const char *text)
{
	return (struct key_path){ text, NULL, NULL };
}

#define KEY_PATH_FORMAT "%s%s%s%s%s"
#define KEY_PATH_ARGS(path) (path).section, (path).entry ? "." : "", \
	(path).entry ? (path).entry : "", (path).member ? "." : "", (path).member ? (path).member : ""

static bool expect_type(struct sidecar *sc, const cJSON *node, cJSON_bool (*is)(const cJSON *),
			const char *wanted, struct key_path path)
{
	struct location where;

	if (is(node))
		return true;
	where = value_location(sc, node);
	diag_error(sc->diags, &where, "sidecar: " KEY_PATH_FORMAT " must be %s, not %s",
		   KEY_PATH_ARGS(path), wanted, json_type_name(node));
	sc->failed = true;
	return false;
}

/* Object members: JSON allows a key twice, the sidecar does not. */
static bool check_duplicate_keys(struct sidecar *sc, const cJSON *object, struct key_path path)
{
	bool ok = true;

	for (const cJSON *a = object->child; a; a = a->next) {
		for (const cJSON *b = object->child; b != a; b = b->next) {
			if (strcmp(a->string, b->string) == 0) {
				struct location where = key_location(sc, a);

				diag_error(sc->diags, &where, "sidecar: key \"%s\" appears twice in "
					   KEY_PATH_FORMAT, a->string, KEY_PATH_ARGS(path));
				sc->failed = true;
				ok = false;
				break;
			}
		}
	}
	return ok;
}

static void add_string_annotation(struct sidecar *sc, struct annotation_list *list,
				  enum annotation_kind kind, const cJSON *value)
{
	const struct node_place *place = place_of(sc, value);
	struct location where = value_location(sc, value);
	unsigned *columns = NULL;
	struct annotation *ann;

	/* The columns point one past the opening quote: the option text itself. */
	if (place && place->columns) {
		size_t len = strlen(value->valuestring);

		columns = malloc((len + 1) * sizeof(*columns));
		if (columns)
			memcpy(columns, place->columns, (len + 1) * sizeof(*columns));
	}
	ann = annotation_list_add(list, kind, value->valuestring, &where, columns);
	if (!ann)
		sc->oom = true;
	else
		ann->from_sidecar = true;
}

static void reject_header_annotations(struct sidecar *sc, const cJSON *entry,
				      const struct annotation_list *list, const char *what,
				      const char *name)
{
	for (size_t i = 0; i < list->count; i++) {
		if (!list->items[i].from_sidecar) {
			struct location where = key_location(sc, entry);

			diag_error(sc->diags, &where, "sidecar: %s %s is already annotated in the header "
				   "(%s at line %u)", what, name, annotation_macro_name(list->items[i].kind),
				   list->items[i].where.line);
			sc->failed = true;
			return;
		}
	}
}

static void apply_class(struct sidecar *sc, const cJSON *entry)
{
	struct c_struct *st = decl_set_find_struct(sc->decls, entry->string);
	struct key_path path = { "classes", entry->string, NULL };
	if (!st) {
		struct location where = key_location(sc, entry);

		diag_error(sc->diags, &where, "sidecar: the headers declare no struct '%s'",
			   entry->string);
		sc->failed = true;
		return;
	}
	if (!expect_type(sc, entry, cJSON_IsObject, "an object", path) ||
	    !check_duplicate_keys(sc, entry, path))
		return;
	reject_header_annotations(sc, entry, &st->annotations, "struct", st->tag);
	for (const cJSON *member = entry->child; member; member = member->next) {
		struct key_path member_path = { path.section, path.entry, member->string };

		if (strcmp(member->string, "class") == 0) {
			if (expect_type(sc, member, cJSON_IsString, "a string", member_path))
				add_string_annotation(sc, &st->annotations, ANN_CLASS, member);
		} else if (strcmp(member->string, "interfaces") == 0) {
			if (!expect_type(sc, member, cJSON_IsArray, "an array of strings", member_path))
				continue;
			for (const cJSON *item = member->child; item; item = item->next) {
				if (expect_type(sc, item, cJSON_IsString, "a string",
						whole_path("each of classes.*.interfaces")))
					add_string_annotation(sc, &st->annotations, ANN_INTERFACE, item);
			}
		} else if (strcmp(member->string, "properties") == 0) {
			if (!expect_type(sc, member, cJSON_IsObject, "an object", member_path) ||
			    !check_duplicate_keys(sc, member, member_path))
				continue;
			for (const cJSON *prop = member->child; prop; prop = prop->next) {
				struct c_field *field = c_struct_find_field(st, prop->string);

				if (!field) {
					struct location where = key_location(sc, prop);

					diag_error(sc->diags, &where, "sidecar: struct %s has no field '%s'%s",
						   st->tag, prop->string, st->defined ? "" :
						   " (the header does not define it)");
					sc->failed = true;
				} else if (expect_type(sc, prop, cJSON_IsString, "a string",
						       whole_path("each of classes.*.properties"))) {
					reject_header_annotations(sc, prop, &field->annotations, "field",
								  field->name);
					field->order = sc->decls->next_order++;
					add_string_annotation(sc, &field->annotations, ANN_PROPERTY, prop);
				}
			}
		} else {
			struct location where = key_location(sc, member);

			diag_error(sc->diags, &where, "sidecar: unknown key \"%s\" in " KEY_PATH_FORMAT
				   " (expected class, interfaces, properties)", member->string,
				   KEY_PATH_ARGS(path));
			sc->failed = true;
		}
	}
}

/* A parameter's text: in, out, inout, retval, optional[=DEFAULT], size_is=P,
 * transfer=KIND, each becoming the annotation the macro would give. */
static void apply_param(struct sidecar *sc, struct c_param *param, const cJSON *value)
{
	const struct node_place *place = place_of(sc, value);
	struct location base = value_location(sc, value);
	struct option_list tokens;
	const char *message;
	unsigned column;

	if (option_list_parse(value->valuestring, &tokens, &column, &message) < 0) {
		if (place && place->columns)
			base.column = place->columns[column];
		diag_error(sc->diags, &base, "malformed parameter options: %s", message);
		sc->failed = true;
		return;
	}
	for (size_t i = 0; i < tokens.count; i++) {
		const struct option_token *token = &tokens.tokens[i];
		struct location where = base;
		int kind = annotation_kind_from_name(token->key, strlen(token->key));
		bool flag_kind = kind == ANN_IN || kind == ANN_OUT || kind == ANN_INOUT ||
				 kind == ANN_RETVAL;
		bool value_kind = kind == ANN_SIZE_IS || kind == ANN_TRANSFER;
		struct annotation *ann;

		if (place && place->columns)
			where.column = place->columns[token->column];
		if (!(flag_kind && !token->value) && !(value_kind && token->value) &&
		    kind != ANN_OPTIONAL) {
			diag_error(sc->diags, &where, "sidecar: parameter option '%s%s' is not one of in, "
				   "out, inout, retval, optional[=DEFAULT], size_is=PARAM, transfer=KIND",
				   token->key, token->value ? "=..." : "");
			sc->failed = true;
			continue;
		}
		ann = annotation_list_add(&param->annotations, (enum annotation_kind)kind,
					  token->value ? token->value : "", &where, NULL);
		if (!ann)
			sc->oom = true;
		else
			ann->from_sidecar = true;
	}
	option_list_free(&tokens);
}

static void apply_function(struct sidecar *sc, const cJSON *entry)
{
	struct c_function *fn = decl_set_find_function(sc->decls, entry->string);
	struct key_path path = { "functions", entry->string, NULL };
	if (!fn) {
		struct location where = key_location(sc, entry);

		diag_error(sc->diags, &where, "sidecar: the headers declare no function '%s'",
			   entry->string);
		sc->failed = true;
		return;
	}
	if (!expect_type(sc, entry, cJSON_IsObject, "an object", path) ||
	    !check_duplicate_keys(sc, entry, path))
		return;
	reject_header_annotations(sc, entry, &fn->annotations, "function", fn->name);
	for (size_t i = 0; i < fn->param_count; i++)
		reject_header_annotations(sc, entry, &fn->params[i].annotations, "function", fn->name);
	fn->order = sc->decls->next_order++;
	for (const cJSON *member = entry->child; member; member = member->next) {
		struct key_path member_path = { path.section, path.entry, member->string };
		int kind = annotation_kind_from_name(member->string, strlen(member->string));

		if (strcmp(member->string, "params") == 0) {
			if (!expect_type(sc, member, cJSON_IsObject, "an object", member_path) ||
			    !check_duplicate_keys(sc, member, member_path))
				continue;
			for (const cJSON *p = member->child; p; p = p->next) {
				struct c_param *param = c_function_find_param(fn, p->string);

				if (!param) {
					struct location where = key_location(sc, p);

					diag_error(sc->diags, &where, "sidecar: function %s has no parameter "
						   "'%s'", fn->name, p->string);
					sc->failed = true;
				} else if (expect_type(sc, p, cJSON_IsString, "a string",
						       whole_path("each of functions.*.params"))) {
					apply_param(sc, param, p);
				}
			}
		} else if (kind == ANN_CONSTRUCTOR || kind == ANN_DESTRUCTOR || kind == ANN_METHOD ||
			   kind == ANN_PROPGET || kind == ANN_PROPPUT || kind == ANN_RESULT ||
			   kind == ANN_TRANSFER || kind == ANN_HIDDEN) {
			if (expect_type(sc, member, cJSON_IsString, "a string", member_path))
				add_string_annotation(sc, &fn->annotations, (enum annotation_kind)kind,
						      member);
		} else {
			struct location where = key_location(sc, member);

			diag_error(sc->diags, &where, "sidecar: unknown key \"%s\" in " KEY_PATH_FORMAT
				   " (expected constructor, destructor, method, propget, propput, "
				   "result, transfer, hidden, params)", member->string,
				   KEY_PATH_ARGS(path));
			sc->failed = true;
		}
	}
}

static struct location offset_location(const char *file, const char *text, size_t offset)
{
	struct location where = { file, 1, 1 };

	for (size_t i = 0; i < offset; i++) {
		if (text[i] == '\n') {
			where.line++;
			where.column = 1;
		} else {
			where.column++;
		}
	}
	return where;
}

int sidecar_apply(const char *path, const char *text, size_t len, struct decl_set *decls,
		  struct diag_list *diags)
{
	struct sidecar sc = { 0 };
	const char *end = NULL;
	cJSON *root;
	struct location nowhere = { 0 };
	size_t invalid_at;

	sc.file = decl_set_intern_file(decls, path);
	if (!sc.file)
		goto oom_early;
	sc.text = text;
	sc.len = len;
	sc.line = 1;
	sc.column = 1;
	sc.decls = decls;
	sc.diags = diags;
	/* JSON is UTF-8 (RFC 8259), and so is everything ccwgen writes. */
	invalid_at = utf8_invalid_at(text, len);
	if (invalid_at < len) {
		struct location where = offset_location(sc.file, text, invalid_at);

		diag_error(diags, &where, "sidecar: not valid UTF-8 (byte 0x%02x); JSON must be "
			   "UTF-8", (unsigned char)text[invalid_at]);
		return -1;
	}
	root = cJSON_ParseWithLengthOpts(text, len, &end, false);
	if (!root) {
		struct location where = offset_location(sc.file, text,
							end && end >= text ? (size_t)(end - text) : 0);

		diag_error(diags, &where, "sidecar: invalid JSON");
		return -1;
	}
	scan_value(&sc, root, nowhere);
	if (sc.oom)
		goto done;
	if (expect_type(&sc, root, cJSON_IsObject, "an object", whole_path("the sidecar")) &&
	    check_duplicate_keys(&sc, root, whole_path("the sidecar"))) {
		for (const cJSON *section = root->child; section; section = section->next) {
			bool classes = strcmp(section->string, "classes") == 0;

			if (!classes && strcmp(section->string, "functions") != 0) {
				struct location where = key_location(&sc, section);

				diag_error(diags, &where, "sidecar: unknown key \"%s\" (expected classes, "
					   "functions)", section->string);
				sc.failed = true;
				continue;
			}
			if (!expect_type(&sc, section, cJSON_IsObject, "an object", whole_path(section->string)) ||
			    !check_duplicate_keys(&sc, section, whole_path(section->string)))
				continue;
			for (const cJSON *entry = section->child; entry; entry = entry->next) {
				if (classes)
					apply_class(&sc, entry);
				else
					apply_function(&sc, entry);
			}
		}
	}
done:
	for (size_t i = 0; i < sc.place_count; i++)
		free(sc.places[i].columns);
	free(sc.places);
	cJSON_Delete(root);
	if (sc.oom) {
		struct location where = { sc.file, 0, 0 };

		diag_error(diags, &where, "out of memory while reading the sidecar");
		return -1;
	}
	return sc.failed ? -1 : 0;
oom_early:
	diag_error(diags, &nowhere, "out of memory while reading the sidecar");
	return -1;
}

int sidecar_load(const char *path, struct decl_set *decls, struct diag_list *diags)
{
	FILE *file = fopen(path, "rb");
	char *text = NULL;
	size_t len = 0, capacity = 0;
	int status;
	struct location where = { path, 0, 0 };

	if (!file) {
		diag_error(diags, &where, "cannot read the sidecar: %s", strerror(errno));
		return -1;
	}
	for (;;) {
		size_t got;

		if (len == capacity) {
			char *grown = realloc(text, capacity ? capacity * 2 : 4096);

			if (!grown) {
				free(text);
				fclose(file);
				diag_error(diags, &where, "out of memory while reading the sidecar");
				return -1;
			}
			text = grown;
			capacity = capacity ? capacity * 2 : 4096;
		}
		got = fread(text + len, 1, capacity - len, file);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(file)) {
		diag_error(diags, &where, "cannot read the sidecar: %s", strerror(errno));
		free(text);
		fclose(file);
		return -1;
	}
	fclose(file);
	status = sidecar_apply(path, text, len, decls, diags);
	free(text);
	return status;
}
