/*
 * options.c - the tokenizer of annotation option text (DESIGN.md §4).
 *
 * Grammar (bytes; the whole text must be well-formed UTF-8):
 *
 *   text     = blank* [ token ( blank+ token )* ] blank*
 *   blank    = SPACE | TAB
 *   token    = key [ "=" value ]
 *   key      = keychar+
 *   keychar  = "A".."Z" | "a".."z" | "0".."9" | "_" | "-" | "."
 *   value    = quoted | bare
 *   quoted   = DQUOTE ( qchar | "\" DQUOTE | "\\" )* DQUOTE
 *   qchar    = any character but DQUOTE and "\" (blanks included)
 *   bare     = bchar+
 *   bchar    = any character but blank, DQUOTE, "\" and "="
 *
 * A quoted value must be followed by a blank or the end. Refused, each with
 * the 0-based byte offset of the offending byte:
 * - text longer than OPTION_TEXT_MAX bytes (the offset is the limit);
 * - ill-formed UTF-8, and control characters (C0 but TAB, DEL, C1) anywhere,
 *   quoted values included: option text is a single line;
 * - "=" with no key, a key with no value after "=" (write key="" for an
 *   empty value), a quote or any other non-key character inside a key;
 * - a quote, backslash or second "=" inside a bare value (quote the value);
 * - an escape other than \" and \\, an unterminated quoted value (the offset
 *   is its opening quote), a quoted value not followed by a blank;
 * - the same key twice (the offset is the first repetition; checked once
 *   the whole text is otherwise well-formed).
 */
#include "options.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Annotation strings are short; this bounds the work hostile input can cause. */
#define OPTION_TEXT_MAX 65536

struct tokenizer {
	const char *text;
	size_t len;
	size_t pos;
	struct option_token *tokens;
	size_t count, capacity;
	size_t error_pos;
	const char *error;
};

static bool fail(struct tokenizer *t, size_t pos, const char *message)
{
	t->error_pos = pos;
	t->error = message;
	return false;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_key_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.';
}

/* Refuses ill-formed UTF-8 and control characters before any tokenizing, so
 * the tokenizer only deals with ASCII structure. */
static bool check_characters(struct tokenizer *t)
{
	const unsigned char *p = (const unsigned char *)t->text;

	for (size_t pos = 0; pos < t->len;) {
		bool valid;
		size_t n = utf8_next(t->text + pos, t->len - pos, &valid);

		if (!valid)
			return fail(t, pos, "invalid UTF-8");
		if ((p[pos] < 0x20 && p[pos] != '\t') || p[pos] == 0x7f ||
		    (p[pos] == 0xc2 && p[pos + 1] < 0xa0))
			return fail(t, pos, "control character in option text");
		pos += n;
	}
	return true;
}

static char *copy_bytes(const char *s, size_t len)
{
	char *copy = malloc(len + 1);

	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

/* Reads a quoted value starting at the opening quote into a new string. */
static bool read_quoted(struct tokenizer *t, char **out)
{
	size_t open = t->pos;
	size_t end;
	char *value, *w;

	/* First pass: validate and find the closing quote. */
	for (end = open + 1; end < t->len && t->text[end] != '"'; end++) {
		if (t->text[end] != '\\')
			continue;
		if (end + 1 < t->len && t->text[end + 1] != '"' && t->text[end + 1] != '\\')
			return fail(t, end, "unknown escape in quoted value (only \\\" and \\\\)");
		end++;
	}
	if (end >= t->len)
		return fail(t, open, "unterminated quoted value");
	if (end + 1 < t->len && !is_blank(t->text[end + 1]))
		return fail(t, end + 1, "expected a space after the closing quote");

	value = malloc(end - open);
	if (!value)
		return fail(t, open, "out of memory");
	w = value;
	for (size_t pos = open + 1; pos < end; pos++) {
		if (t->text[pos] == '\\')
			pos++;
		*w++ = t->text[pos];
	}
	*w = '\0';
	t->pos = end + 1;
	*out = value;
	return true;
}

static bool read_bare(struct tokenizer *t, char **out)
{
	size_t start = t->pos;
	size_t end;

	for (end = start; end < t->len && !is_blank(t->text[end]); end++) {
		if (t->text[end] == '"')
			return fail(t, end, "quote inside an unquoted value (quote the whole value)");
		if (t->text[end] == '\\')
			return fail(t, end, "backslash outside quotes (quote the value)");
		if (t->text[end] == '=')
			return fail(t, end, "second '=' in a value (quote the value)");
	}
	*out = copy_bytes(t->text + start, end - start);
	if (!*out)
		return fail(t, start, "out of memory");
	t->pos = end;
	return true;
}

static bool add_token(struct tokenizer *t, char *key, char *value, size_t column)
{
	if (t->count == t->capacity) {
		size_t capacity = t->capacity ? t->capacity * 2 : 8;
		struct option_token *tokens = realloc(t->tokens, capacity * sizeof(*tokens));

		if (!tokens)
			return fail(t, column, "out of memory");
		t->tokens = tokens;
		t->capacity = capacity;
	}
	t->tokens[t->count].key = key;
	t->tokens[t->count].value = value;
	t->tokens[t->count].column = (unsigned)column;
	t->count++;
	return true;
}

static bool read_token(struct tokenizer *t)
{
	size_t start = t->pos;
	char *key = NULL, *value = NULL;

	while (t->pos < t->len && is_key_char(t->text[t->pos]))
		t->pos++;
	if (t->pos == start) {
		if (t->text[start] == '=')
			return fail(t, start, "'=' with no key before it");
		if (t->text[start] == '"')
			return fail(t, start, "quoted value with no key (write key=\"...\")");
		return fail(t, start, "unexpected character; keys are letters, digits, '_', '-', '.'");
	}
	if (t->pos < t->len && !is_blank(t->text[t->pos]) && t->text[t->pos] != '=') {
		if (t->text[t->pos] == '"')
			return fail(t, t->pos, "quote inside a bare token (write key=\"...\")");
		return fail(t, t->pos,
			    "unexpected character in a key; keys are letters, digits, '_', '-', '.'");
	}

	key = copy_bytes(t->text + start, t->pos - start);
	if (!key)
		return fail(t, start, "out of memory");

	if (t->pos < t->len && t->text[t->pos] == '=') {
		size_t equals = t->pos++;
		bool ok;

		if (t->pos >= t->len || is_blank(t->text[t->pos]))
			ok = fail(t, equals, "missing value after '=' (write key=\"\" for an empty value)");
		else if (t->text[t->pos] == '"')
			ok = read_quoted(t, &value);
		else
			ok = read_bare(t, &value);
		if (!ok)
			goto fail;
	}

	if (!add_token(t, key, value, start))
		goto fail;
	return true;

fail:
	free(key);
	free(value);
	return false;
}

static int compare_tokens(const void *pa, const void *pb)
{
	const struct option_token *a = *(const struct option_token *const *)pa;
	const struct option_token *b = *(const struct option_token *const *)pb;
	int c = strcmp(a->key, b->key);

	return c ? c : (a->column > b->column) - (a->column < b->column);
}

/* Sorting, not comparing every pair: hostile text may hold thousands of keys. */
static bool check_duplicates(struct tokenizer *t)
{
	const struct option_token **sorted;
	size_t duplicate = t->len;

	if (t->count < 2)
		return true;
	sorted = malloc(t->count * sizeof(*sorted));
	if (!sorted)
		return fail(t, 0, "out of memory");
	for (size_t i = 0; i < t->count; i++)
		sorted[i] = &t->tokens[i];
	qsort(sorted, t->count, sizeof(*sorted), compare_tokens);
	for (size_t i = 1; i < t->count; i++) {
		if (strcmp(sorted[i - 1]->key, sorted[i]->key) == 0 && sorted[i]->column < duplicate)
			duplicate = sorted[i]->column;
	}
	free(sorted);
	if (duplicate < t->len)
		return fail(t, duplicate, "option given twice");
	return true;
}

static void free_tokens(struct option_token *tokens, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(tokens[i].key);
		free(tokens[i].value);
	}
	free(tokens);
}

static bool tokenize(struct tokenizer *t)
{
	if (!check_characters(t))
		return false;
	for (;;) {
		while (t->pos < t->len && is_blank(t->text[t->pos]))
			t->pos++;
		if (t->pos == t->len)
			return check_duplicates(t);
		if (!read_token(t))
			return false;
	}
}

int option_list_parse(const char *text, struct option_list *out,
		      unsigned *error_column, const char **error_message)
{
	struct tokenizer t = { .text = text };

	out->tokens = NULL;
	out->count = 0;

	t.len = strnlen(text, OPTION_TEXT_MAX + 1);
	if (t.len > OPTION_TEXT_MAX)
		fail(&t, OPTION_TEXT_MAX, "option text longer than 65536 bytes");
	else if (tokenize(&t)) {
		out->tokens = t.tokens;
		out->count = t.count;
		return 0;
	}

	free_tokens(t.tokens, t.count);
	if (error_column)
		*error_column = (unsigned)t.error_pos;
	if (error_message)
		*error_message = t.error;
	return -1;
}

void option_list_free(struct option_list *list)
{
	free_tokens(list->tokens, list->count);
	list->tokens = NULL;
	list->count = 0;
}

const struct option_token *option_list_find(const struct option_list *list, const char *key)
{
	for (size_t i = 0; i < list->count; i++) {
		if (strcmp(list->tokens[i].key, key) == 0)
			return &list->tokens[i];
	}
	return NULL;
}
