/*
 * output.h - writing generated files as CI needs: all or nothing, and only
 * when their bytes change (so mtimes stay and Ninja does not rebuild).
 *
 * Emitters append their bytes to an in-memory buffer; the driver commits all
 * buffers at the end, only when there was no error.
 */
#ifndef CCWGEN_OUTPUT_H
#define CCWGEN_OUTPUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct buffer {
	char *data; /* NUL-terminated when not NULL (the NUL is not in len) */
	size_t len, capacity;
	bool failed; /* an allocation failed; the contents are incomplete */
};

void buffer_init(struct buffer *b);
void buffer_free(struct buffer *b);
/* buffer_append's way when the bytes do not fit: grows the buffer, or marks
 * it failed. */
void buffer_append_growing(struct buffer *b, const void *data, size_t len);

/* Emitters append small pieces by the hundred thousand: inline, the common
 * case (room for the bytes and the NUL) is a few moves, and a string
 * literal's length and copy are known to the compiler.  (No object is larger
 * than PTRDIFF_MAX: saying so keeps the compiler from warning about a copy
 * it cannot prove unreachable.) */
static inline void buffer_append(struct buffer *b, const void *data, size_t len)
{
	if (len <= PTRDIFF_MAX && !b->failed && b->capacity - b->len > len) {
		memcpy(b->data + b->len, data, len);
		b->len += len;
		b->data[b->len] = '\0';
		return;
	}
	buffer_append_growing(b, data, len);
}

static inline void buffer_puts(struct buffer *b, const char *s)
{
	buffer_append(b, s, strlen(s));
}

void buffer_printf(struct buffer *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buffer_vprintf(struct buffer *b, const char *fmt, va_list ap);

/* One output file: its final path and its bytes. */
struct output_file {
	char *path;
	struct buffer contents;
};

struct output_set {
	struct output_file **files; /* one allocation each, so a buffer stays put */
	size_t count, capacity;
};

void output_set_init(struct output_set *set);
void output_set_free(struct output_set *set);
/* Adds a file (path copied) and returns its buffer, or NULL on allocation
 * failure. The buffer stays valid until output_set_free, whatever is added. */
struct buffer *output_set_add(struct output_set *set, const char *path);

/* Writes every file whose bytes differ from what is on disk: each to a
 * temporary file in the same directory, fsync'd, then renamed over the target.
 * Files whose bytes are unchanged are not touched. If any step fails, the
 * temporary files are removed, the message (naming the path and strerror) is
 * written to *error (malloc'd; NULL if even that allocation failed) and -1 is
 * returned. Every file is written before any is renamed, so only a failing
 * rename leaves earlier targets replaced (each file on its own is atomic).
 * A buffer marked failed is an error before anything is written. Returns 0
 * on success, *error untouched. */
int output_set_commit(const struct output_set *set, char **error);

/* --check: the paths whose bytes would change (missing files included), in
 * order, as a malloc'd array of pointers into `set` (NULL when none); *count
 * set. Writes nothing. Returns -1 only on allocation failure (a buffer marked
 * failed included) or an unreadable existing file (*error set, the outputs
 * untouched). */
int output_set_changed(const struct output_set *set, const char ***changed, size_t *count,
		       char **error);

/* Writes a Make-style depfile `target: dep1 dep2 …`, one dependency a line
 * (spaces escaped as `\ `, `#` as `\#`, `$` as `$$`, as GCC writes them and
 * Make and Ninja read them), atomically and only if changed. A path with a
 * control character or a trailing backslash cannot be written: -1, *error. */
int depfile_write(const char *path, const char *target, const char *const *deps, size_t count,
		  char **error);

#endif
