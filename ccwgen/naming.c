/*
 * naming.c - naming defaults and name checks (DESIGN.md §4).
 */
#include "naming.h"

#include <stdlib.h>
#include <string.h>

static bool is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

char *naming_pascal_case(const char *c_name)
{
	char *out = malloc(strlen(c_name) + 1), *w = out;
	bool word_start = true;

	if (!out)
		return NULL;
	for (const char *r = c_name; *r; r++) {
		if (*r == '_') {
			word_start = true;
			continue;
		}
		*w++ = word_start && *r >= 'a' && *r <= 'z' ? (char)(*r - 'a' + 'A') : *r;
		word_start = false;
	}
	*w = '\0';
	/* A name made only of underscores keeps them: an empty name helps nobody. */
	if (!*out)
		strcpy(out, c_name);
	return out;
}

static const char *strip_prefix(const char *name, const char *prefix)
{
	size_t len = strlen(prefix);

	if (strncmp(name, prefix, len) == 0 && name[len] == '_' && name[len + 1])
		return name + len + 1;
	return name;
}

char *naming_method_name(const char *function, const char *tag, enum method_kind kind)
{
	const char *rest = strip_prefix(function, tag);

	if (kind == METHOD_PROPGET)
		rest = strip_prefix(rest, "get");
	else if (kind == METHOD_PROPPUT)
		rest = strip_prefix(strip_prefix(rest, "set"), "put");
	return naming_pascal_case(rest);
}

char *naming_default_interface(const char *coclass)
{
	char *out = malloc(strlen(coclass) + 2);

	if (out) {
		out[0] = 'I';
		strcpy(out + 1, coclass);
	}
	return out;
}

bool naming_is_identifier(const char *name)
{
	if (!is_alpha(*name) && *name != '_')
		return false;
	for (name++; *name; name++) {
		if (!is_alpha(*name) && !is_digit(*name) && *name != '_')
			return false;
	}
	return true;
}

bool naming_is_reserved_param(const char *name)
{
	return strncmp(name, "ccw_", 4) == 0 || strncmp(name, "CCW_", 4) == 0;
}

/* Sorted (strcmp order) for bsearch. */
static const char *const keywords[] = {
	"CONST", "FALSE", "IN", "NULL", "OPTIONAL", "OUT", "PURE", "THIS", "THIS_", "TRUE",
	"This", "VOID", "alignas", "alignof", "and", "and_eq", "apicontract", "asm",
	"attribute", "auto", "bitand", "bitor", "bool", "boolean", "break", "byte", "case",
	"catch", "cdecl", "char", "char16_t", "char32_t", "char8_t", "class", "co_await",
	"co_return", "co_yield", "coclass", "compl", "concept", "const", "const_cast",
	"consteval", "constexpr", "constinit", "continue", "cpp_quote", "declare",
	"decltype", "default", "delegate", "delete", "dispinterface", "do", "double",
	"dynamic_cast", "else", "enum", "errno", "error_status_t", "eventadd",
	"eventremove", "explicit", "export", "extern", "false", "far", "float", "for",
	"friend", "goto", "handle_t", "hyper", "if", "import", "importlib", "in", "inline",
	"int", "interface", "library", "long", "lpVtbl", "methods", "module", "mutable",
	"namespace", "near", "new", "noexcept", "not", "not_eq", "nullptr", "operator",
	"or", "or_eq", "out", "pascal", "private", "properties", "protected", "public",
	"register", "reinterpret_cast", "requires", "restrict", "return", "retval",
	"runtimeclass", "short", "signed", "sizeof", "small", "static", "static_assert",
	"static_cast", "stdcall", "string", "struct", "switch", "template", "this",
	"thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "typeof",
	"typeof_unqual", "union", "unsigned", "using", "virtual", "void", "volatile",
	"wchar_t", "while", "xor", "xor_eq"
};

static int compare_keyword(const void *key, const void *entry)
{
	return strcmp(key, *(const char *const *)entry);
}

bool naming_is_keyword(const char *name)
{
	return bsearch(name, keywords, sizeof(keywords) / sizeof(keywords[0]), sizeof(keywords[0]),
		       compare_keyword) != NULL;
}

/* Whether parameter `index` may not be called `name`: `c_count` of the
 * names are C parameters' own. */
static bool com_name_taken(const char *name, size_t index, const char *const *c_names,
			   size_t c_count, const char *member, char *const *chosen)
{
	if (naming_is_keyword(name) || strcmp(name, member) == 0)
		return true;
	for (size_t i = 0; i < index; i++) {
		if (strcmp(name, chosen[i]) == 0)
			return true;
	}
	for (size_t i = index + 1; i < c_count; i++) {
		if (strcmp(name, c_names[i]) == 0)
			return true;
	}
	return false;
}

/* Parameter `index`'s name: its C name, '_' appended while that is taken. */
static char *choose_com_name(size_t index, const char *const *c_names, size_t c_count,
			     const char *member, char *const *chosen)
{
	size_t len = strlen(c_names[index]);
	char *name = malloc(len + 1);

	if (!name)
		return NULL;
	memcpy(name, c_names[index], len + 1);
	while (com_name_taken(name, index, c_names, c_count, member, chosen)) {
		char *longer = realloc(name, len + 2);

		if (!longer) {
			free(name);
			return NULL;
		}
		name = longer;
		name[len++] = '_';
		name[len] = '\0';
	}
	return name;
}

int naming_com_params(const char *const *c_names, size_t count, bool last_is_made_up,
		      const char *member, char **out)
{
	size_t c_count = last_is_made_up && count > 0 ? count - 1 : count;

	for (size_t i = 0; i < count; i++) {
		out[i] = choose_com_name(i, c_names, c_count, member, out);
		if (!out[i]) {
			while (i > 0)
				free(out[--i]);
			return -1;
		}
	}
	return 0;
}
