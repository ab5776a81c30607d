/*
 * scan.c - headers to declarations through libclang's C API (libclang >= 14).
 *
 * Each header is parsed on its own, as clang would compile it, with function
 * bodies skipped. Only declarations spelled in that header are taken; the
 * headers it includes supply types only. Annotations are the AnnotateAttr
 * children of a declaration whose text starts with "ccw:"; others belong to
 * other tools and are left alone.
 */
#include "scan.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

#define ANNOTATION_PREFIX "ccw:"

/* A type already described, under libclang's identity of it (its kind and
 * opaque QualType pointer, valid for one translation unit). */
struct type_memo {
	enum CXTypeKind kind;
	const void *key; /* NULL: an empty slot */
	struct c_type described;
};

struct scan_state {
	CXTranslationUnit tu;
	CXFile main_file;
	const char *header; /* as given on the command line */
	struct decl_set *decls;
	struct diag_list *diags;
	bool out_of_memory;
	struct type_memo *memo; /* open addressing, a power-of-two capacity */
	size_t memo_capacity, memo_count;
};

/* Copies a CXString and disposes of it: the one place CXStrings end, so none
 * is ever used after disposal. Returns NULL on allocation failure. */
static char *take_string(CXString string)
{
	const char *text = clang_getCString(string);
	char *copy = strdup(text ? text : "");

	clang_disposeString(string);
	return copy;
}

/* The file name diagnostics and locations use: the header as given on the
 * command line when it is the main file, else clang's own name for it. */
static const char *file_display_name(struct scan_state *state, CXFile file)
{
	char *name;
	const char *interned;

	if (!file)
		return decl_set_intern_file(state->decls, state->header);
	if (clang_File_isEqual(file, state->main_file))
		return decl_set_intern_file(state->decls, state->header);
	name = take_string(clang_getFileName(file));
	if (!name)
		return NULL;
	interned = decl_set_intern_file(state->decls, name);
	free(name);
	return interned;
}

static struct location location_of(struct scan_state *state, CXSourceLocation where,
				   CXFile *file_out, unsigned *offset_out)
{
	struct location loc = { 0 };
	CXFile file;
	unsigned line, column, offset;

	clang_getExpansionLocation(where, &file, &line, &column, &offset);
	loc.file = file_display_name(state, file);
	if (!loc.file) {
		state->out_of_memory = true;
		loc.file = "<out of memory>";
	}
	loc.line = line;
	loc.column = column;
	if (file_out)
		*file_out = file;
	if (offset_out)
		*offset_out = offset;
	return loc;
}

static bool in_main_file(struct scan_state *state, CXCursor cursor)
{
	CXFile file;

	clang_getExpansionLocation(clang_getCursorLocation(cursor), &file, NULL, NULL, NULL);
	return file && clang_File_isEqual(file, state->main_file);
}

static enum c_passthrough passthrough_of_name(const char *name)
{
	static const struct {
		const char *name;
		enum c_passthrough kind;
	} names[] = {
		{ "BSTR", PASS_BSTR },
		{ "VARIANT", PASS_VARIANT },
		{ "tagVARIANT", PASS_VARIANT },
		{ "VARIANT_BOOL", PASS_VARIANT_BOOL },
		{ "HRESULT", PASS_HRESULT },
		{ "IUnknown", PASS_IUNKNOWN },
		{ "IDispatch", PASS_IDISPATCH },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (strcmp(names[i].name, name) == 0)
			return names[i].kind;
	}
	return PASS_NONE;
}

/* Strips typedefs and elaboration one level at a time, noting the first
 * pass-through COM name met on the way. */
static CXType desugar(CXType type, enum c_passthrough *passthrough, bool *oom)
{
	for (;;) {
		if (type.kind == CXType_Elaborated) {
			type = clang_Type_getNamedType(type);
		} else if (type.kind == CXType_Typedef) {
			char *name = take_string(clang_getTypedefName(type));

			if (!name) {
				*oom = true;
				return type;
			}
			if (*passthrough == PASS_NONE)
				*passthrough = passthrough_of_name(name);
			free(name);
			type = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(type));
		} else {
			return type;
		}
	}
}

static int describe_type(CXType type, struct c_type *out, bool *oom)
{
	enum c_passthrough passthrough = PASS_NONE;
	CXType bare, canonical;
	long long size;

	memset(out, 0, sizeof(*out));
	out->spelling = take_string(clang_getTypeSpelling(type));
	if (!out->spelling)
		goto oom;
	out->is_const = clang_isConstQualifiedType(type);
	bare = desugar(type, &passthrough, oom);
	canonical = clang_getCanonicalType(type);
	size = clang_Type_getSizeOf(canonical);
	out->size = size > 0 ? (unsigned)size : 0;

	switch (canonical.kind) {
	case CXType_Void:
		out->kind = C_VOID;
		break;
	case CXType_Bool:
		out->kind = C_BOOL;
		break;
	case CXType_Char_S:
		out->is_char = true;
		/* fall through */
	case CXType_SChar: case CXType_Short: case CXType_Int: case CXType_Long: case CXType_LongLong:
	case CXType_Int128:
		out->kind = C_INT;
		out->is_signed = true;
		break;
	case CXType_Char_U:
		out->is_char = true;
		/* fall through */
	case CXType_UChar: case CXType_UShort: case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
	case CXType_UInt128:
		out->kind = C_INT;
		break;
	case CXType_Float: case CXType_Double: case CXType_LongDouble:
		out->kind = C_FLOAT;
		break;
	case CXType_Enum:
		out->kind = C_ENUM;
		break;
	case CXType_Pointer:
		out->kind = C_POINTER;
		out->pointee = calloc(1, sizeof(*out->pointee));
		if (!out->pointee)
			goto oom;
		if (describe_type(clang_getPointeeType(bare.kind == CXType_Pointer ? bare : canonical),
				  out->pointee, oom) < 0)
			goto oom;
		break;
	case CXType_Record: {
		CXCursor decl = clang_getTypeDeclaration(canonical);

		out->kind = C_RECORD;
		if (!clang_Cursor_isAnonymous(decl)) {
			out->record_tag = take_string(clang_getCursorSpelling(decl));
			if (!out->record_tag)
				goto oom;
			if (passthrough == PASS_NONE)
				passthrough = passthrough_of_name(out->record_tag);
		}
		break;
	}
	default:
		out->kind = C_OTHER;
		break;
	}
	out->passthrough = passthrough;
	return *oom ? -1 : 0;
oom:
	*oom = true;
	c_type_free(out);
	return -1;
}

/* A header names the same few types again and again (int, const char *,
 * its own struct pointers), and clang_getTypeSpelling alone costs more than
 * copying a description: each type is described through libclang once per
 * translation unit, then copied. */
static struct type_memo *memo_slot(struct type_memo *memo, size_t capacity, CXType type)
{
	size_t mask = capacity - 1;
	size_t i = (size_t)(((uintptr_t)type.data[0] >> 4) * UINT64_C(0x9e3779b97f4a7c15) >> 32) & mask;

	while (memo[i].key && (memo[i].key != type.data[0] || memo[i].kind != type.kind))
		i = (i + 1) & mask;
	return &memo[i];
}

static bool memo_grow(struct scan_state *state)
{
	size_t capacity = state->memo_capacity ? state->memo_capacity * 2 : 256;
	struct type_memo *memo = calloc(capacity, sizeof(*memo));

	if (!memo)
		return false;
	for (size_t i = 0; i < state->memo_capacity; i++) {
		struct type_memo *old = &state->memo[i];

		if (old->key)
			*memo_slot(memo, capacity, (CXType){ old->kind, { (void *)old->key, NULL } }) =
				*old;
	}
	free(state->memo);
	state->memo = memo;
	state->memo_capacity = capacity;
	return true;
}

static void memo_free(struct scan_state *state)
{
	for (size_t i = 0; i < state->memo_capacity; i++) {
		if (state->memo[i].key)
			c_type_free(&state->memo[i].described);
	}
	free(state->memo);
	state->memo = NULL;
	state->memo_capacity = state->memo_count = 0;
}

static int describe_type_once(struct scan_state *state, CXType type, struct c_type *out,
			      bool *oom)
{
	struct type_memo *slot;

	if (!type.data[0])
		return describe_type(type, out, oom);
	if (state->memo_count * 2 >= state->memo_capacity && !memo_grow(state))
		goto oom;
	slot = memo_slot(state->memo, state->memo_capacity, type);
	if (slot->key) {
		if (c_type_copy(out, &slot->described) < 0)
			goto oom;
		return 0;
	}
	if (describe_type(type, out, oom) < 0)
		return -1;
	if (c_type_copy(&slot->described, out) < 0) {
		c_type_free(out);
		goto oom;
	}
	slot->kind = type.kind;
	slot->key = type.data[0];
	state->memo_count++;
	return 0;
oom:
	*oom = true;
	return -1;
}

/* Finds the C string literal of the macro invocation at `offset` in `text`
 * (`CCW_METHOD("…")`) and maps each byte of its decoded value to a column.
 * Returns NULL when the source is not that simple shape or does not decode to
 * `options` (the annotation then points at the macro). */
static unsigned *map_literal_columns(const char *text, size_t size, unsigned offset,
				     unsigned column, const char *options)
{
	size_t options_len = strlen(options), decoded = 0, pos = offset;
	unsigned *columns;

	while (pos < size && (text[pos] == '_' || (text[pos] >= 'A' && text[pos] <= 'Z') ||
			      (text[pos] >= 'a' && text[pos] <= 'z') ||
			      (text[pos] >= '0' && text[pos] <= '9')))
		pos++;
	while (pos < size && (text[pos] == ' ' || text[pos] == '\t'))
		pos++;
	if (pos >= size || text[pos] != '(')
		return NULL;
	pos++;
	while (pos < size && (text[pos] == ' ' || text[pos] == '\t'))
		pos++;
	if (pos >= size || text[pos] != '"')
		return NULL;
	pos++;
	columns = calloc(options_len + 1, sizeof(*columns));
	if (!columns)
		return NULL;
	while (pos < size && text[pos] != '"' && text[pos] != '\n') {
		size_t start = pos;
		char c = text[pos++];

		if (c == '\\') {
			if (pos >= size || (text[pos] != '"' && text[pos] != '\\'))
				goto unmapped;
			c = text[pos++];
		}
		if (decoded >= options_len || options[decoded] != c)
			goto unmapped;
		columns[decoded++] = column + (unsigned)(start - offset);
	}
	if (pos >= size || text[pos] != '"' || decoded != options_len)
		goto unmapped;
	columns[decoded] = column + (unsigned)(pos - offset);
	return columns;
unmapped:
	free(columns);
	return NULL;
}

struct attribute_visit {
	struct scan_state *state;
	struct annotation_list *list;
};

static bool annotation_present(const struct annotation_list *list, const struct location *where,
			       const char *text)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct location *other = &list->items[i].where;

		if (other->file == where->file && other->line == where->line &&
		    other->column == where->column && strcmp(list->items[i].text, text) == 0)
			return true;
	}
	return false;
}

static void add_annotation(struct scan_state *state, struct annotation_list *list, CXCursor attr)
{
	char *raw = take_string(clang_getCursorSpelling(attr));
	const char *kind_start, *kind_end, *options;
	struct location where;
	CXFile file;
	unsigned offset;
	size_t bad_byte;
	int kind;

	if (!raw) {
		state->out_of_memory = true;
		return;
	}
	if (strncmp(raw, ANNOTATION_PREFIX, strlen(ANNOTATION_PREFIX)) != 0)
		goto done;
	where = location_of(state, clang_getCursorLocation(attr), &file, &offset);
	kind_start = raw + strlen(ANNOTATION_PREFIX);
	kind_end = strchr(kind_start, ' ');
	if (!kind_end)
		kind_end = kind_start + strlen(kind_start);
	options = *kind_end ? kind_end + 1 : kind_end;
	kind = annotation_kind_from_name(kind_start, (size_t)(kind_end - kind_start));
	if (kind < 0) {
		diag_error(state->diags, &where, "unknown annotation kind '%.*s'",
			   (int)(kind_end - kind_start), kind_start);
		goto done;
	}
	/* A redeclaration repeats (inherits) the attributes of the first one. */
	if (!annotation_present(list, &where, options)) {
		size_t size = 0;
		const char *text = file ? clang_getFileContents(state->tu, file, &size) : NULL;
		unsigned *columns = text ? map_literal_columns(text, size, offset, where.column,
							       options) : NULL;

		/* The model and every output are UTF-8: text in another encoding is
		 * refused rather than guessed at. */
		bad_byte = utf8_invalid_at(options, strlen(options));
		if (options[bad_byte]) {
			if (columns)
				where.column = columns[bad_byte];
			diag_error(state->diags, &where, "%s text is not valid UTF-8 (byte 0x%02x); "
				   "save the header as UTF-8", annotation_macro_name((enum annotation_kind)kind),
				   (unsigned char)options[bad_byte]);
			free(columns);
			goto done;
		}
		if (!annotation_list_add(list, (enum annotation_kind)kind, options, &where, columns))
			state->out_of_memory = true;
	}
done:
	free(raw);
}

static enum CXChildVisitResult visit_attribute(CXCursor cursor, CXCursor parent, CXClientData data)
{
	struct attribute_visit *visit = data;

	(void)parent;
	if (clang_getCursorKind(cursor) == CXCursor_AnnotateAttr)
		add_annotation(visit->state, visit->list, cursor);
	return CXChildVisit_Continue;
}

static void collect_annotations(struct scan_state *state, CXCursor cursor,
				struct annotation_list *list)
{
	struct attribute_visit visit = { state, list };

	/* Most parameters carry no attribute: skip walking their children. */
	if (clang_Cursor_hasAttrs(cursor))
		clang_visitChildren(cursor, visit_attribute, &visit);
}

struct field_visit {
	struct scan_state *state;
	struct c_struct *st;
};

static enum CXChildVisitResult visit_field(CXCursor cursor, CXCursor parent, CXClientData data)
{
	struct field_visit *visit = data;
	struct scan_state *state = visit->state;
	struct c_struct *st = visit->st;
	struct c_field *field;
	bool oom = false;

	(void)parent;
	if (clang_getCursorKind(cursor) != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	field = array_append(&st->fields, &st->field_count, sizeof(*field));
	if (!field)
		goto oom;
	field->name = take_string(clang_getCursorSpelling(cursor));
	field->where = location_of(state, clang_getCursorLocation(cursor), NULL, NULL);
	field->order = state->decls->next_order++;
	if (!field->name || describe_type_once(state, clang_getCursorType(cursor), &field->type, &oom) < 0)
		goto oom;
	collect_annotations(state, cursor, &field->annotations);
	return CXChildVisit_Continue;
oom:
	state->out_of_memory = true;
	return CXChildVisit_Break;
}

static void scan_struct(struct scan_state *state, CXCursor cursor)
{
	struct c_struct *st;
	char *tag;

	if (clang_Cursor_isAnonymous(cursor))
		return;
	tag = take_string(clang_getCursorSpelling(cursor));
	if (!tag) {
		state->out_of_memory = true;
		return;
	}
	st = decl_set_find_struct(state->decls, tag);
	if (st) {
		free(tag);
	} else {
		st = decl_set_add_struct(state->decls, tag);
		if (!st) {
			free(tag);
			state->out_of_memory = true;
			return;
		}
		st->is_union = clang_getCursorKind(cursor) == CXCursor_UnionDecl;
		st->where = location_of(state, clang_getCursorLocation(cursor), NULL, NULL);
	}
	collect_annotations(state, cursor, &st->annotations);
	if (clang_isCursorDefinition(cursor) && !st->defined) {
		struct field_visit visit = { state, st };

		st->defined = true;
		clang_visitChildren(cursor, visit_field, &visit);
	}
}

static void scan_function(struct scan_state *state, CXCursor cursor)
{
	CXType type = clang_getCursorType(cursor);
	struct c_function *fn;
	bool oom = false, existing;
	char *name = take_string(clang_getCursorSpelling(cursor));
	int count = clang_Cursor_getNumArguments(cursor);

	if (!name)
		goto oom;
	fn = decl_set_find_function(state->decls, name);
	existing = fn != NULL;
	if (existing) {
		free(name);
	} else {
		fn = decl_set_add_function(state->decls, name);
		if (!fn) {
			free(name);
			goto oom;
		}
		fn->where = location_of(state, clang_getCursorLocation(cursor), NULL, NULL);
		fn->order = state->decls->next_order++;
		fn->variadic = type.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(type);
		if (describe_type_once(state, clang_getResultType(type), &fn->result, &oom) < 0)
			goto oom;
		if (count > 0) {
			fn->params = calloc((size_t)count, sizeof(*fn->params));
			if (!fn->params)
				goto oom;
			fn->param_count = (size_t)count;
		}
	}
	collect_annotations(state, cursor, &fn->annotations);
	for (int i = 0; i < count && (size_t)i < fn->param_count; i++) {
		CXCursor arg = clang_Cursor_getArgument(cursor, (unsigned)i);
		struct c_param *param = &fn->params[i];

		if (!existing) {
			param->name = take_string(clang_getCursorSpelling(arg));
			param->where = location_of(state, clang_getCursorLocation(arg), NULL, NULL);
			if (!param->name || describe_type_once(state, clang_getCursorType(arg), &param->type, &oom) < 0)
				goto oom;
		}
		collect_annotations(state, arg, &param->annotations);
	}
	return;
oom:
	state->out_of_memory = true;
}

/* A `ccw:` annotation on a declaration that cannot carry one is an error,
 * not something silently dropped. */
static void reject_annotations(struct scan_state *state, CXCursor cursor, const char *what)
{
	struct annotation_list list = { 0 };

	collect_annotations(state, cursor, &list);
	for (size_t i = 0; i < list.count; i++)
		diag_error(state->diags, &list.items[i].where, "%s cannot be placed on %s",
			   annotation_macro_name(list.items[i].kind), what);
	annotation_list_free(&list);
}

static enum CXChildVisitResult visit_top_level(CXCursor cursor, CXCursor parent, CXClientData data)
{
	struct scan_state *state = data;

	(void)parent;
	if (!in_main_file(state, cursor))
		return CXChildVisit_Continue;
	switch (clang_getCursorKind(cursor)) {
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
		scan_struct(state, cursor);
		break;
	case CXCursor_FunctionDecl:
		scan_function(state, cursor);
		break;
	case CXCursor_VarDecl:
		reject_annotations(state, cursor, "a variable");
		break;
	case CXCursor_TypedefDecl:
		reject_annotations(state, cursor, "a typedef (place it on the struct)");
		break;
	case CXCursor_EnumDecl:
		reject_annotations(state, cursor, "an enum");
		break;
	default:
		break;
	}
	return state->out_of_memory ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* clang's warning for an annotate attribute it dropped, e.g. CCW_CLASS
 * written before `struct` (-Wignored-attributes). */
static bool is_ignored_annotation(const char *message)
{
	return strstr(message, "attribute 'annotate' is ignored") != NULL;
}

static void report_clang_diagnostics(struct scan_state *state, bool *had_error)
{
	unsigned count = clang_getNumDiagnostics(state->tu);

	for (unsigned i = 0; i < count; i++) {
		CXDiagnostic diagnostic = clang_getDiagnostic(state->tu, i);
		enum CXDiagnosticSeverity severity = clang_getDiagnosticSeverity(diagnostic);
		struct location where;
		char *message;

		if (severity == CXDiagnostic_Warning || severity >= CXDiagnostic_Error) {
			where = location_of(state, clang_getDiagnosticLocation(diagnostic), NULL, NULL);
			message = take_string(clang_getDiagnosticSpelling(diagnostic));
			if (!message)
				state->out_of_memory = true;
			if (message && is_ignored_annotation(message)) {
				/* A misplaced macro would silently drop a class. */
				diag_error(state->diags, &where,
					   "clang ignored this annotation (%s): CCW_CLASS and "
					   "CCW_INTERFACE go between 'struct' and the tag", message);
				*had_error = true;
			} else {
				diag_report(state->diags,
					    severity >= CXDiagnostic_Error ? DIAG_ERROR : DIAG_WARNING,
					    &where, "%s", message ? message : "out of memory");
			}
			free(message);
			if (severity >= CXDiagnostic_Error)
				*had_error = true;
		}
		clang_disposeDiagnostic(diagnostic);
	}
}

static void visit_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
			    CXClientData data)
{
	struct scan_state *state = data;
	char *name;

	(void)stack;
	(void)depth;
	name = take_string(clang_getFileName(file));
	if (!name || decl_set_add_dependency(state->decls, name) < 0)
		state->out_of_memory = true;
	free(name);
}

static bool has_argument(const struct scan_options *options, const char *prefix)
{
	for (size_t i = 0; i < options->clang_arg_count; i++) {
		if (strncmp(options->clang_args[i], prefix, strlen(prefix)) == 0)
			return true;
	}
	return false;
}

/* The command line for libclang: -D__CCWGEN__, the target and clang's
 * resource directory (libclang cannot always find its builtin headers on its
 * own: for a MinGW target it looks in a relative path), the flags given, and
 * last ccwgen's include directory. */
static const char **build_arguments(const struct scan_options *options, char **target_arg,
				    int *count_out)
{
	size_t max = options->clang_arg_count + 6;
	const char **args = calloc(max, sizeof(*args));
	int count = 0;

	*target_arg = NULL;
	if (!args)
		return NULL;
	args[count++] = "-D__CCWGEN__=1";
	if (options->target) {
		size_t len = strlen("--target=") + strlen(options->target) + 1;

		*target_arg = malloc(len);
		if (!*target_arg) {
			free(args);
			return NULL;
		}
		snprintf(*target_arg, len, "--target=%s", options->target);
		args[count++] = *target_arg;
	}
	if (options->resource_dir && !has_argument(options, "-resource-dir")) {
		args[count++] = "-resource-dir";
		args[count++] = options->resource_dir;
	}
	for (size_t i = 0; i < options->clang_arg_count; i++)
		args[count++] = options->clang_args[i];
	if (options->include_dir) {
		args[count++] = "-idirafter";
		args[count++] = options->include_dir;
	}
	*count_out = count;
	return args;
}

static int scan_one(CXIndex index, const struct scan_options *options, const char *header,
		    const char *const *args, int arg_count, struct decl_set *out,
		    struct diag_list *diags)
{
	struct scan_state state = { .header = header, .decls = out, .diags = diags };
	enum CXErrorCode code;
	bool had_error = false;
	struct location where = { 0 };

	(void)options;
	where.file = decl_set_intern_file(out, header);
	if (!where.file)
		return -1;
	/* libclang only says "error 1" for a file it cannot open. */
	FILE *probe = fopen(header, "r");
	if (!probe) {
		diag_error(diags, &where, "cannot read this header: %s", strerror(errno));
		return -1;
	}
	fclose(probe);
	code = clang_parseTranslationUnit2(index, header, args, arg_count, NULL, 0,
					   CXTranslationUnit_SkipFunctionBodies |
					   CXTranslationUnit_KeepGoing, &state.tu);
	if (code != CXError_Success || !state.tu) {
		diag_error(diags, &where, "libclang could not parse this header (error %d%s)",
			   (int)code, code == CXError_ASTReadError ? ": AST read error" :
			   code == CXError_InvalidArguments ? ": invalid arguments" : "");
		return -1;
	}
	state.main_file = clang_getFile(state.tu, header);
	report_clang_diagnostics(&state, &had_error);
	clang_getInclusions(state.tu, visit_inclusion, &state);
	/* With clang's errors the AST is a guess; checking it would only add noise. */
	if (!had_error)
		clang_visitChildren(clang_getTranslationUnitCursor(state.tu), visit_top_level, &state);
	clang_disposeTranslationUnit(state.tu);
	memo_free(&state);
	if (state.out_of_memory)
		diag_error(diags, &where, "out of memory while scanning");
	return had_error || state.out_of_memory ? -1 : 0;
}

int scan_headers(const struct scan_options *options, struct decl_set *out,
		 struct diag_list *diags)
{
	char *target_arg;
	int arg_count = 0, status = 0;
	const char **args = build_arguments(options, &target_arg, &arg_count);
	CXIndex index;

	if (!args)
		return -1;
	/* Diagnostics are reported through diags, not printed by libclang. */
	index = clang_createIndex(0, 0);
	for (size_t i = 0; i < options->header_count; i++) {
		if (scan_one(index, options, options->headers[i], args, arg_count, out, diags) < 0)
			status = -1;
	}
	clang_disposeIndex(index);
	free(args);
	free(target_arg);
	return status;
}
