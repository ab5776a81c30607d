/*
 * compdb.c - flags from compile_commands.json (see compdb.h). Read with cJSON
 * rather than libclang's CXCompilationDatabase so that the selection of an
 * entry for a header (which has no entry of its own) is ours to define.
 */
/* realpath is X/Open. */
#define _XOPEN_SOURCE 700

#include "compdb.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void compdb_flags_free(struct compdb_flags *flags)
{
	for (size_t i = 0; i < flags->count; i++)
		free(flags->args[i]);
	free(flags->args);
	flags->args = NULL;
	flags->count = 0;
}

static int push(struct compdb_flags *flags, const char *text, size_t len)
{
	char *copy = malloc(len + 1);
	char **slot = copy ? array_append(&flags->args, &flags->count, sizeof(*slot)) : NULL;

	if (!slot) {
		free(copy);
		return -1;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	*slot = copy;
	return 0;
}

int compdb_split_command(const char *command, struct compdb_flags *out)
{
	struct compdb_flags words = { 0 };
	char *word = malloc(strlen(command) + 1);
	size_t len = 0;
	bool in_word = false;
	char quote = 0;

	if (!word)
		return -1;
	for (const char *p = command; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			else if (*p == '\\' && quote == '"' && (p[1] == '"' || p[1] == '\\'))
				word[len++] = *++p;
			else
				word[len++] = *p;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			in_word = true;
		} else if (*p == '\\' && p[1]) {
			word[len++] = *++p;
			in_word = true;
		} else if (*p == ' ' || *p == '\t' || *p == '\n') {
			if (in_word && push(&words, word, len) < 0)
				goto fail;
			len = 0;
			in_word = false;
		} else {
			word[len++] = *p;
			in_word = true;
		}
	}
	if (quote || (in_word && push(&words, word, len) < 0))
		goto fail;
	free(word);
	*out = words;
	return 0;
fail:
	free(word);
	compdb_flags_free(&words);
	return -1;
}

static char *join_path(const char *dir, const char *path)
{
	size_t len;
	char *joined;

	if (path[0] == '/' || !dir)
		return strdup(path);
	len = strlen(dir) + strlen(path) + 2;
	joined = malloc(len);
	if (joined)
		snprintf(joined, len, "%s/%s", dir, path);
	return joined;
}

static int push_path_flag(struct compdb_flags *out, const char *flag, const char *path,
			  const char *dir)
{
	char *absolute = join_path(dir, path);
	int status = -1;

	if (absolute && push(out, flag, strlen(flag)) == 0 &&
	    push(out, absolute, strlen(absolute)) == 0)
		status = 0;
	free(absolute);
	return status;
}

/* Single-word flags that change type sizes or the language. */
static bool is_kept_flag(const char *w)
{
	static const char *const kept[] = { "-funsigned-char", "-fsigned-char", "-fshort-enums",
					    "-fshort-wchar" };

	for (size_t k = 0; k < sizeof(kept) / sizeof(*kept); k++) {
		if (strcmp(w, kept[k]) == 0)
			return true;
	}
	return strncmp(w, "-std=", 5) == 0 || strncmp(w, "--target=", 9) == 0 ||
	       (w[0] == '-' && w[1] == 'm' && w[2]);
}

/* Keeps the flags that change how a header parses. */
static int keep_flags(const struct compdb_flags *words, const char *dir, struct compdb_flags *out)
{
	static const char *const path_flags[] = { "-I", "-isystem", "-iquote", "-idirafter",
						  "-include" };
	static const char *const value_flags[] = { "-D", "-U", "-target" };

	for (size_t i = 1; i < words->count; i++) {
		const char *w = words->args[i];
		bool matched = false;

		for (size_t k = 0; !matched && k < sizeof(path_flags) / sizeof(*path_flags); k++) {
			size_t len = strlen(path_flags[k]);

			if (strncmp(w, path_flags[k], len) != 0)
				continue;
			if (w[len]) {
				if (strcmp(path_flags[k], "-I") != 0)
					continue; /* e.g. -isystem is not -i + "system" */
				if (push_path_flag(out, "-I", w + len, dir) < 0)
					return -1;
			} else if (i + 1 < words->count) {
				if (push_path_flag(out, path_flags[k], words->args[++i], dir) < 0)
					return -1;
			}
			matched = true;
		}
		for (size_t k = 0; !matched && k < sizeof(value_flags) / sizeof(*value_flags); k++) {
			size_t len = strlen(value_flags[k]);

			if (strncmp(w, value_flags[k], len) != 0)
				continue;
			if (!w[len] && i + 1 < words->count) {
				if (push(out, w, len) < 0 ||
				    push(out, words->args[i + 1], strlen(words->args[i + 1])) < 0)
					return -1;
				i++;
				matched = true;
			} else if (w[len] && len == 2) {
				if (push(out, w, strlen(w)) < 0)
					return -1;
				matched = true;
			}
		}
		if (!matched && is_kept_flag(w) && push(out, w, strlen(w)) < 0)
			return -1;
	}
	return 0;
}

static size_t dir_length(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? (size_t)(slash - path) : 0;
}

/* The entry for a source file in the header's directory, else the first. */
static const cJSON *choose_entry(const cJSON *root, const char *header)
{
	char *header_abs = realpath(header, NULL);
	const cJSON *chosen = cJSON_GetArrayItem(root, 0);
	const cJSON *entry;

	if (!header_abs)
		return chosen;
	cJSON_ArrayForEach(entry, root) {
		const cJSON *file = cJSON_GetObjectItemCaseSensitive(entry, "file");
		const cJSON *dir = cJSON_GetObjectItemCaseSensitive(entry, "directory");
		char *joined, *file_abs;

		if (!cJSON_IsString(file))
			continue;
		joined = join_path(cJSON_IsString(dir) ? dir->valuestring : NULL, file->valuestring);
		file_abs = joined ? realpath(joined, NULL) : NULL;
		free(joined);
		if (file_abs && dir_length(file_abs) == dir_length(header_abs) &&
		    strncmp(file_abs, header_abs, dir_length(header_abs)) == 0) {
			chosen = entry;
			free(file_abs);
			break;
		}
		free(file_abs);
	}
	free(header_abs);
	return chosen;
}

static char *read_file(const char *path, size_t *len_out)
{
	FILE *file = fopen(path, "rb");
	char *text = NULL;
	long size;

	if (!file)
		return NULL;
	if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 &&
	    fseek(file, 0, SEEK_SET) == 0) {
		text = malloc((size_t)size + 1);
		if (text && fread(text, 1, (size_t)size, file) != (size_t)size) {
			free(text);
			text = NULL;
		}
		if (text) {
			text[size] = '\0';
			*len_out = (size_t)size;
		}
	}
	fclose(file);
	return text;
}

int compdb_load(const char *build_dir, const char *header, struct compdb_flags *out,
		struct diag_list *diags)
{
	char *path = join_path(build_dir, "compile_commands.json");
	struct location where = { build_dir, 0, 0 };
	struct compdb_flags words = { 0 }, kept = { 0 };
	const cJSON *entry, *arguments, *command, *directory;
	cJSON *root = NULL;
	size_t len = 0;
	char *text = path ? read_file(path, &len) : NULL;
	int status = -1;

	if (!text) {
		diag_error(diags, &where, "cannot read %s/compile_commands.json: %s", build_dir,
			   path ? strerror(errno) : "out of memory");
		goto done;
	}
	root = cJSON_ParseWithLength(text, len);
	if (!cJSON_IsArray(root) || cJSON_GetArraySize(root) == 0) {
		diag_error(diags, &where, "%s/compile_commands.json is not a non-empty JSON array",
			   build_dir);
		goto done;
	}
	entry = choose_entry(root, header);
	arguments = cJSON_GetObjectItemCaseSensitive(entry, "arguments");
	command = cJSON_GetObjectItemCaseSensitive(entry, "command");
	directory = cJSON_GetObjectItemCaseSensitive(entry, "directory");
	if (cJSON_IsArray(arguments)) {
		const cJSON *arg;

		cJSON_ArrayForEach(arg, arguments) {
			if (!cJSON_IsString(arg) ||
			    push(&words, arg->valuestring, strlen(arg->valuestring)) < 0)
				goto bad_entry;
		}
	} else if (!cJSON_IsString(command) ||
		   compdb_split_command(command->valuestring, &words) < 0) {
		goto bad_entry;
	}
	if (keep_flags(&words, cJSON_IsString(directory) ? directory->valuestring : NULL,
		       &kept) < 0)
		goto bad_entry;
	*out = kept;
	kept.args = NULL;
	kept.count = 0;
	status = 0;
	goto done;
bad_entry:
	diag_error(diags, &where, "%s/compile_commands.json: an entry has no usable "
		   "\"arguments\" or \"command\"", build_dir);
done:
	compdb_flags_free(&words);
	compdb_flags_free(&kept);
	cJSON_Delete(root);
	free(text);
	free(path);
	return status;
}
