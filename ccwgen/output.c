/*
 * output.c - in-memory output buffers, committed all at once and atomically.
 *
 * A commit first writes every changed file to a temporary file next to its
 * target and only then renames them all, so an error while writing (a
 * missing directory, a full disk) leaves every target as it was.
 */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void buffer_init(struct buffer *b)
{
	b->data = NULL;
	b->len = 0;
	b->capacity = 0;
	b->failed = false;
}

void buffer_free(struct buffer *b)
{
	free(b->data);
	buffer_init(b);
}

/* Makes room for `extra` more bytes plus the NUL; marks the buffer failed
 * (and keeps what it holds) when that is impossible. */
static bool buffer_reserve(struct buffer *b, size_t extra)
{
	size_t need, capacity;
	char *data;

	if (b->failed)
		return false;
	if (b->capacity > 0 && extra < b->capacity - b->len)
		return true;
	if (extra >= SIZE_MAX - b->len)
		goto failed;
	need = b->len + extra + 1;
	capacity = b->capacity ? b->capacity : 256;
	while (capacity < need)
		capacity = capacity > SIZE_MAX / 2 ? need : capacity * 2;
	data = realloc(b->data, capacity);
	if (!data)
		goto failed;
	b->data = data;
	b->capacity = capacity;
	return true;

failed:
	b->failed = true;
	return false;
}

void buffer_append_growing(struct buffer *b, const void *data, size_t len)
{
	if (!buffer_reserve(b, len))
		return;
	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* Any format, through vsnprintf. */
static void format_with_libc(struct buffer *b, const char *fmt, va_list ap)
{
	va_list first;
	size_t room = b->capacity - b->len; /* includes the NUL's byte */
	int len;

	/* Formatted straight into the free space; only text that does not fit
	 * is formatted a second time, after the buffer grows. */
	va_copy(first, ap);
	len = vsnprintf(room ? b->data + b->len : NULL, room, fmt, first);
	va_end(first);
	if (len < 0) {
		b->failed = true;
		return;
	}
	if ((size_t)len >= room) {
		if (room)
			b->data[b->len] = '\0'; /* drop the truncated attempt */
		if (!buffer_reserve(b, (size_t)len))
			return;
		vsnprintf(b->data + b->len, (size_t)len + 1, fmt, ap);
	}
	b->len += (size_t)len;
}

/* Appends `len` bytes of `fill` (the padding of a conversion). */
static void buffer_fill(struct buffer *b, char fill, size_t len)
{
	if (!buffer_reserve(b, len))
		return;
	memset(b->data + b->len, fill, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* One conversion's text, padded to `width` as printf pads it: on the left
 * with spaces, after the sign with zeros (`zero`), or on the right (`left`). */
static void buffer_padded(struct buffer *b, const char *sign, const char *text, size_t len,
			  size_t width, bool zero, bool left)
{
	size_t sign_len = strlen(sign), pad = width > sign_len + len ? width - sign_len - len : 0;

	if (pad && !left && !zero)
		buffer_fill(b, ' ', pad);
	buffer_append(b, sign, sign_len);
	if (pad && !left && zero)
		buffer_fill(b, '0', pad);
	buffer_append(b, text, len);
	if (pad && left)
		buffer_fill(b, ' ', pad);
}

/* Formats the printf subset the emitters use (flags `-` and `0`, a width,
 * a precision for %s, the length modifiers hh h l ll z, and %d %i %u %x %X
 * %o %c %s %%) straight into the buffer, without vsnprintf's cost per call,
 * which the emitters' hundred thousand calls would pay.  Returns false at
 * anything else, for vsnprintf to do the whole call. */
static bool format_directly(struct buffer *b, const char *fmt, va_list ap)
{
	while (*fmt) {
		const char *run = fmt, *text;
		char digits[3 * sizeof(unsigned long long) + 1];
		bool zero = false, left = false, is_signed;
		size_t width = 0, precision = SIZE_MAX, len;
		char *end = digits + sizeof(digits), *p = end;
		unsigned long long value;
		bool negative = false;
		unsigned base;
		int size = 0; /* -2 hh, -1 h, 0 int, 1 l, 2 ll, 3 z */

		fmt = strchr(run, '%');
		if (!fmt) {
			buffer_puts(b, run);
			break;
		}
		buffer_append(b, run, (size_t)(fmt - run));
		fmt++;
		for (;; fmt++) {
			if (*fmt == '0')
				zero = true;
			else if (*fmt == '-')
				left = true;
			else
				break;
		}
		if (*fmt == '*') {
			int w = va_arg(ap, int);

			left = left || w < 0;
			width = w < 0 ? (size_t)-(long long)w : (size_t)w;
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (size_t)(*fmt - '0');
		if (*fmt == '.') {
			fmt++;
			precision = 0;
			if (*fmt == '*') {
				int p = va_arg(ap, int);

				precision = p < 0 ? SIZE_MAX : (size_t)p;
				fmt++;
			}
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				precision = precision * 10 + (size_t)(*fmt - '0');
		}
		for (; *fmt == 'h'; fmt++)
			size--;
		for (; *fmt == 'l'; fmt++)
			size++;
		if (*fmt == 'z') {
			size = 3;
			fmt++;
		}
		switch (*fmt) {
		case '%':
			buffer_append(b, "%", 1);
			fmt++;
			continue;
		case 'c':
			digits[0] = (char)va_arg(ap, int);
			buffer_padded(b, "", digits, 1, width, false, left);
			fmt++;
			continue;
		case 's':
			text = va_arg(ap, const char *);
			len = precision == SIZE_MAX ? strlen(text) : strnlen(text, precision);
			if (width)
				buffer_padded(b, "", text, len, width, false, left);
			else
				buffer_append(b, text, len);
			fmt++;
			continue;
		case 'd':
		case 'i':
			is_signed = true;
			base = 10;
			break;
		case 'u':
			is_signed = false;
			base = 10;
			break;
		case 'o':
			is_signed = false;
			base = 8;
			break;
		case 'x':
		case 'X':
			is_signed = false;
			base = 16;
			break;
		default:
			return false;
		}
		if (precision != SIZE_MAX)
			return false; /* a minimum digit count: rare, left to vsnprintf */
		if (is_signed) {
			long long v = size >= 2 ? (size == 3 ? (long long)va_arg(ap, ptrdiff_t) :
						     va_arg(ap, long long)) :
				      size == 1 ? va_arg(ap, long) : va_arg(ap, int);

			if (size == -1)
				v = (short)v;
			else if (size <= -2)
				v = (signed char)v;
			negative = v < 0;
			value = negative ? 0ull - (unsigned long long)v : (unsigned long long)v;
		} else {
			value = size >= 2 ? (size == 3 ? va_arg(ap, size_t) :
					     va_arg(ap, unsigned long long)) :
				size == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			if (size == -1)
				value = (unsigned short)value;
			else if (size <= -2)
				value = (unsigned char)value;
		}
		do {
			*--p = (*fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef")[value % base];
			value /= base;
		} while (value);
		buffer_padded(b, negative ? "-" : "", p, (size_t)(end - p), width, zero && !left,
			      left);
		fmt++;
	}
	return true;
}

void buffer_vprintf(struct buffer *b, const char *fmt, va_list ap)
{
	size_t start = b->len;
	va_list args;
	bool done;

	if (b->failed)
		return;
	va_copy(args, ap);
	done = format_directly(b, fmt, args);
	va_end(args);
	if (done && !b->failed)
		return;
	/* Neither a failed buffer nor vsnprintf's turn keeps a partial text. */
	b->len = start;
	if (b->data)
		b->data[start] = '\0';
	if (!b->failed)
		format_with_libc(b, fmt, ap);
}

void buffer_printf(struct buffer *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buffer_vprintf(b, fmt, ap);
	va_end(ap);
}

void output_set_init(struct output_set *set)
{
	set->files = NULL;
	set->count = 0;
	set->capacity = 0;
}

void output_set_free(struct output_set *set)
{
	for (size_t i = 0; i < set->count; i++) {
		free(set->files[i]->path);
		buffer_free(&set->files[i]->contents);
		free(set->files[i]);
	}
	free(set->files);
	output_set_init(set);
}

struct buffer *output_set_add(struct output_set *set, const char *path)
{
	struct output_file *file;
	size_t path_size = strlen(path) + 1;

	if (set->count == set->capacity) {
		size_t capacity = set->capacity ? set->capacity * 2 : 8;
		struct output_file **files = realloc(set->files, capacity * sizeof(*files));

		if (!files)
			return NULL;
		set->files = files;
		set->capacity = capacity;
	}
	file = malloc(sizeof(*file));
	if (!file)
		return NULL;
	file->path = malloc(path_size);
	if (!file->path) {
		free(file);
		return NULL;
	}
	memcpy(file->path, path, path_size);
	buffer_init(&file->contents);
	set->files[set->count++] = file;
	return &file->contents;
}

/* Sets *error to a malloc'd message (NULL if even that cannot be had). */
static void set_error(char **error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_error(char **error, const char *fmt, ...)
{
	struct buffer message;
	va_list ap;

	buffer_init(&message);
	va_start(ap, fmt);
	buffer_vprintf(&message, fmt, ap);
	va_end(ap);
	if (message.failed)
		buffer_free(&message);
	*error = message.data;
}

static ssize_t read_retrying(int fd, void *buf, size_t len)
{
	ssize_t n;

	do
		n = read(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return n;
}

/* Whether `path` lacks exactly these bytes: a missing file differs, so does
 * anything that is not a regular file (replacing it fails later, naming it). */
static int file_differs(const char *path, const struct buffer *contents, bool *differs,
			char **error)
{
	char chunk[65536]; /* an unchanged output is read whole: few system calls */
	struct stat st;
	size_t offset = 0;
	ssize_t n;
	int fd, result = -1;

	/* O_NONBLOCK: opening a FIFO for reading must not wait for a writer. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENOTDIR) {
			*differs = true;
			return 0;
		}
		set_error(error, "cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		set_error(error, "cannot read '%s': %s", path, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode) || (uintmax_t)st.st_size != contents->len) {
		*differs = true;
		result = 0;
		goto done;
	}

	/* Read one byte past the expected length to notice a file that grew. */
	while ((n = read_retrying(fd, chunk, sizeof(chunk))) > 0) {
		if ((size_t)n > contents->len - offset ||
		    memcmp(chunk, contents->data + offset, (size_t)n) != 0) {
			*differs = true;
			result = 0;
			goto done;
		}
		offset += (size_t)n;
	}
	if (n < 0) {
		set_error(error, "cannot read '%s': %s", path, strerror(errno));
		goto done;
	}
	*differs = offset != contents->len;
	result = 0;

done:
	close(fd);
	return result;
}

static int check_complete(const struct output_file *file, char **error)
{
	if (!file->contents.failed)
		return 0;
	set_error(error, "out of memory while generating '%s'", file->path);
	return -1;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* `dir/.name.XXXXXX` for `dir/name`: the same directory, so that rename is
 * atomic; hidden, so that a crash leaves no file a glob would pick up. */
static char *temporary_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	struct buffer name;

	buffer_init(&name);
	buffer_append(&name, path, dir_len);
	buffer_printf(&name, ".%s.XXXXXX", path + dir_len);
	if (name.failed)
		buffer_free(&name);
	return name.data;
}

/* Writes the bytes to a new temporary file; *temp_path is set as soon as the
 * file exists, so the caller removes it whatever happens next. */
static int write_temporary(const struct output_file *file, mode_t mode, char **temp_path,
			   char **error)
{
	char *name = temporary_template(file->path);
	int fd;

	if (!name) {
		set_error(error, "out of memory while writing '%s'", file->path);
		return -1;
	}
	fd = mkstemp(name);
	if (fd < 0) {
		set_error(error, "cannot create a temporary file for '%s': %s", file->path,
			  strerror(errno));
		free(name);
		return -1;
	}
	*temp_path = name;

	/* mkstemp creates 0600; a generated file gets the usual 0666 & ~umask. */
	if (fchmod(fd, mode) < 0 || write_all(fd, file->contents.data, file->contents.len) < 0 ||
	    fsync(fd) < 0) {
		set_error(error, "cannot write '%s': %s", file->path, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		set_error(error, "cannot write '%s': %s", file->path, strerror(errno));
		return -1;
	}
	return 0;
}

/* umask can only be read by setting it; ccwgen is single-threaded, so
 * setting it back at once cannot race with another thread creating a file. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

int output_set_commit(const struct output_set *set, char **error)
{
	char **temp_paths;
	mode_t mode;
	int result = -1;

	if (set->count == 0)
		return 0;
	for (size_t i = 0; i < set->count; i++) {
		if (check_complete(set->files[i], error) < 0)
			return -1;
	}
	temp_paths = calloc(set->count, sizeof(*temp_paths));
	if (!temp_paths) {
		set_error(error, "out of memory while writing '%s'", set->files[0]->path);
		return -1;
	}
	mode = new_file_mode();

	for (size_t i = 0; i < set->count; i++) {
		bool differs;

		if (file_differs(set->files[i]->path, &set->files[i]->contents, &differs, error) < 0)
			goto cleanup;
		if (differs && write_temporary(set->files[i], mode, &temp_paths[i], error) < 0)
			goto cleanup;
	}
	for (size_t i = 0; i < set->count; i++) {
		if (!temp_paths[i])
			continue;
		if (rename(temp_paths[i], set->files[i]->path) < 0) {
			set_error(error, "cannot replace '%s': %s", set->files[i]->path,
				  strerror(errno));
			goto cleanup;
		}
		free(temp_paths[i]);
		temp_paths[i] = NULL;
	}
	result = 0;

cleanup:
	for (size_t i = 0; i < set->count; i++) {
		if (temp_paths[i])
			unlink(temp_paths[i]);
		free(temp_paths[i]);
	}
	free(temp_paths);
	return result;
}

int output_set_changed(const struct output_set *set, const char ***changed, size_t *count,
		       char **error)
{
	const char **paths = NULL;
	size_t n = 0;

	for (size_t i = 0; i < set->count; i++) {
		if (check_complete(set->files[i], error) < 0)
			return -1;
	}
	if (set->count > 0) {
		paths = malloc(set->count * sizeof(*paths));
		if (!paths) {
			set_error(error, "out of memory while comparing '%s'", set->files[0]->path);
			return -1;
		}
	}
	for (size_t i = 0; i < set->count; i++) {
		bool differs;

		if (file_differs(set->files[i]->path, &set->files[i]->contents, &differs, error) < 0) {
			free(paths);
			return -1;
		}
		if (differs)
			paths[n++] = set->files[i]->path;
	}
	if (n == 0) {
		free(paths);
		paths = NULL;
	}
	*changed = paths;
	*count = n;
	return 0;
}

/*
 * Appends a path as GCC writes it in a depfile and as Make and Ninja read it:
 * a space as "\ " (with the backslashes before it doubled), '#' as "\#", '$'
 * as "$$". Fails for what neither can read back: an empty path, a control
 * character, or a trailing backslash (it would escape the separator).
 */
static bool append_make_path(struct buffer *b, const char *path)
{
	size_t backslashes = 0;

	if (*path == '\0')
		return false;
	for (const char *p = path; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
		if (*p == ' ') {
			for (size_t i = 0; i < backslashes; i++)
				buffer_puts(b, "\\");
			buffer_puts(b, "\\ ");
		} else if (*p == '#') {
			buffer_puts(b, "\\#");
		} else if (*p == '$') {
			buffer_puts(b, "$$");
		} else {
			buffer_append(b, p, 1);
		}
		backslashes = *p == '\\' ? backslashes + 1 : 0;
	}
	return backslashes == 0;
}

int depfile_write(const char *path, const char *target, const char *const *deps, size_t count,
		  char **error)
{
	struct output_set set;
	struct buffer *contents;
	int result = -1;

	output_set_init(&set);
	contents = output_set_add(&set, path);
	if (!contents) {
		set_error(error, "out of memory while writing '%s'", path);
		goto cleanup;
	}

	/* One dependency per line: readable, and diffs well. */
	if (!append_make_path(contents, target)) {
		set_error(error, "cannot write '%s': target '%s' cannot be written in a depfile",
			  path, target);
		goto cleanup;
	}
	buffer_puts(contents, ":");
	for (size_t i = 0; i < count; i++) {
		buffer_puts(contents, " \\\n  ");
		if (!append_make_path(contents, deps[i])) {
			set_error(error,
				  "cannot write '%s': dependency '%s' cannot be written in a depfile",
				  path, deps[i]);
			goto cleanup;
		}
	}
	buffer_puts(contents, "\n");
	result = output_set_commit(&set, error);

cleanup:
	output_set_free(&set);
	return result;
}
