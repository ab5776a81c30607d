/*
 * diag.h - diagnostics: every one is collected, none is printed at once, so the
 * driver can print them all in source order and decide the exit status.
 */
#ifndef CCWGEN_DIAG_H
#define CCWGEN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A place in an input file. `file` points into storage that outlives the
 * diagnostics (the model's string pool or the diag list's own copy). */
struct location {
	const char *file;
	unsigned line;   /* 1-based; 0 = the whole file */
	unsigned column; /* 1-based; 0 = the whole line */
};

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

enum diag_format { DIAG_FORMAT_TEXT, DIAG_FORMAT_JSON };

struct diag {
	struct location where; /* file is owned by the diag list */
	enum diag_severity severity;
	char *message;
};

struct diag_list {
	struct diag *items;
	size_t count, capacity;
	size_t errors; /* how many items are errors */
};

void diag_list_init(struct diag_list *list);
void diag_list_free(struct diag_list *list);

/* Records a diagnostic; the message is printf-formatted. `where` may be NULL
 * (or have a NULL file) for one about no input file. Never fails loudly: on
 * allocation failure an error is counted whatever the severity (the run must
 * fail) and a fixed "out of memory" message is kept or printed instead. */
void diag_report(struct diag_list *list, enum diag_severity severity,
		 const struct location *where, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
#define diag_error(list, where, ...) diag_report((list), DIAG_ERROR, (where), __VA_ARGS__)
#define diag_warning(list, where, ...) diag_report((list), DIAG_WARNING, (where), __VA_ARGS__)

/* Sorts stably by (file, line, column) — files in order of first report. */
void diag_list_sort(struct diag_list *list);

/* Prints every diagnostic: text as `file:line:col: error|warning: message`
 * (line/col omitted when 0, `ccwgen:` when there is no file), one per line;
 * JSON as one array of objects with "file" (null when none), "line",
 * "column", "severity", "message", always valid UTF-8 (bad bytes → U+FFFD). */
void diag_list_print(const struct diag_list *list, enum diag_format format, FILE *out);

#endif
