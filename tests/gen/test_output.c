/*
 * test_output.c - buffers, atomic commits that leave unchanged files alone,
 * --check, depfiles; and every failure: no directory, a file in the way, a
 * directory in the way, a symlink loop, a full file-size limit, no memory.
 *
 * The tests may run as root, so they force errors by the shape of the file
 * system (ENOTDIR, EISDIR, ELOOP) and by RLIMIT_FSIZE, never by permissions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fail_alloc.h"
#include "output.h"

/* Each test gets a fresh directory; `state` points to its path. */
static int make_directory(void **state)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = malloc(4096);

	if (!dir)
		return -1;
	snprintf(dir, 4096, "%s/test_output.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

static void remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (lstat(path, &st) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	if (d) {
		while ((e = readdir(d))) {
			char child[4096];

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
			remove_tree(child);
		}
		closedir(d);
	}
	rmdir(path);
}

static int remove_directory(void **state)
{
	remove_tree(*state);
	free(*state);
	return 0;
}

static const char *in_dir(void **state, const char *name)
{
	static char paths[4][4096];
	static unsigned next;
	char *path = paths[next++ % 4];

	snprintf(path, sizeof(paths[0]), "%s/%s", (const char *)*state, name);
	return path;
}

/* The directory's entries, sorted, joined by spaces ("" when empty). */
static char *list_directory(const char *dir)
{
	struct dirent **entries;
	int n = scandir(dir, &entries, NULL, alphasort);
	char *joined = calloc(1, 4096);

	assert_true(n >= 0);
	assert_non_null(joined);
	for (int i = 0; i < n; i++) {
		if (strcmp(entries[i]->d_name, ".") != 0 && strcmp(entries[i]->d_name, "..") != 0) {
			if (*joined)
				strcat(joined, " ");
			strcat(joined, entries[i]->d_name);
		}
		free(entries[i]);
	}
	free(entries);
	return joined;
}

static void assert_directory(const char *dir, const char *expected)
{
	char *names = list_directory(dir);

	if (strcmp(names, expected) != 0)
		fail_msg("directory holds \"%s\", want \"%s\"", names, expected);
	free(names);
}

static void write_file(const char *path, const char *contents)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(contents, 1, strlen(contents), f), strlen(contents));
	assert_int_equal(fclose(f), 0);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = malloc(1 << 20);
	size_t n;

	assert_non_null(f);
	assert_non_null(data);
	n = fread(data, 1, (1 << 20) - 1, f);
	data[n] = '\0';
	fclose(f);
	return data;
}

static void assert_file(const char *path, const char *expected)
{
	char *data = read_file(path);

	assert_string_equal(data, expected);
	free(data);
}

/* An mtime far in the past, so that a rewrite is sure to change it. */
static void age_file(const char *path)
{
	const struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

static void add_file(struct output_set *set, const char *path, const char *contents)
{
	struct buffer *b = output_set_add(set, path);

	assert_non_null(b);
	buffer_puts(b, contents);
}

static void assert_error_mentions(const char *error, const char *path, int errnum)
{
	assert_non_null(error);
	if (!strstr(error, path) || (errnum && !strstr(error, strerror(errnum))))
		fail_msg("error \"%s\" does not name '%s' and '%s'", error, path,
			 errnum ? strerror(errnum) : "");
}

static void test_buffer_appends(void **state)
{
	struct buffer b;
	char big[300];

	(void)state;
	buffer_init(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_false(b.failed);

	buffer_append(&b, "ab\0c", 4);
	buffer_puts(&b, "def");
	buffer_printf(&b, "[%d:%s]", 42, "x");
	assert_int_equal(b.len, 13);
	assert_memory_equal(b.data, "ab\0cdef[42:x]", 14); /* NUL-terminated */

	buffer_append(&b, "", 0);
	assert_int_equal(b.len, 13);

	/* Past the first capacity, by append and by printf. */
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buffer_printf(&b, "%s|%s", big, big);
	assert_int_equal(b.len, 13 + 2 * 299 + 1);
	assert_int_equal(b.data[b.len], '\0');
	assert_int_equal(b.data[13 + 299], '|');
	for (int i = 0; i < 10000; i++)
		buffer_append(&b, big, 100);
	assert_int_equal(b.len, 13 + 599 + 1000000);
	assert_int_equal(b.data[b.len - 1], 'z');
	assert_false(b.failed);

	buffer_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.capacity, 0);
}

/* The formatter gives vsnprintf's bytes, for the conversions it does itself
 * and for those it hands over (%f, a precision on an integer). */
#define assert_formats_as_libc(...)                                   \
	do {                                                          \
		char expected[256];                                   \
		struct buffer b;                                      \
									\
		snprintf(expected, sizeof(expected), __VA_ARGS__);    \
		buffer_init(&b);                                      \
		buffer_puts(&b, "<");                                 \
		buffer_printf(&b, __VA_ARGS__);                       \
		assert_false(b.failed);                               \
		assert_string_equal(b.data + 1, expected);            \
		assert_int_equal(b.len, 1 + strlen(expected));        \
		buffer_free(&b);                                      \
	} while (0)

static void test_buffer_printf_conversions(void **state)
{
	(void)state;
	assert_formats_as_libc("plain text, no conversion");
	assert_formats_as_libc("%s|%5s|%-5s|%.2s|%.*s|%%|%c%c", "abc", "ab", "ab", "abc", 1, "xyz",
			       'q', 'Z');
	assert_formats_as_libc("%d %d %d %i %5d %-5d| %05d %05d", 0, -1, INT_MIN, INT_MAX, -42,
			       42, -42, 42);
	assert_formats_as_libc("%u %u %x %X %08x %04x %02x %o %03o", 0u, UINT_MAX, 0xbeefu,
			       0xbeefu, 0x1234u, 0xau, 0xffu, 8u, 7u);
	assert_formats_as_libc("%ld %lu %lld %llu %llx %zu", LONG_MIN, ULONG_MAX, LLONG_MIN,
			       ULLONG_MAX, ULLONG_MAX, SIZE_MAX);
	assert_formats_as_libc("%hd %hu %hhd %hhu", (short)-7000, (unsigned short)60000,
			       (signed char)-100, (unsigned char)200);
	assert_formats_as_libc("%*d|%-*d|%*s", 6, 7, 6, 7, -4, "ab");
	assert_formats_as_libc("%.3d|%8.3f|%g|%s", 5, 3.14159, 0.5, "after");
}

static void test_buffer_empty_append_allocates(void **state)
{
	struct buffer b;

	(void)state;
	buffer_init(&b);
	buffer_puts(&b, "");
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	buffer_free(&b);
}

static void test_buffer_out_of_memory(void **state)
{
	struct buffer b;
	char block[200];

	(void)state;
	memset(block, 'q', sizeof(block));

	buffer_init(&b);
	fail_alloc_at(0);
	buffer_puts(&b, "x");
	assert_true(fail_alloc_disarm());
	assert_true(b.failed);
	assert_int_equal(b.len, 0);
	buffer_puts(&b, "y"); /* a failed buffer stays failed */
	assert_int_equal(b.len, 0);
	buffer_free(&b);
	assert_false(b.failed);

	/* A failed growth keeps what the buffer held. */
	buffer_init(&b);
	buffer_append(&b, block, sizeof(block));
	fail_alloc_at(0);
	buffer_append(&b, block, sizeof(block));
	assert_true(fail_alloc_disarm());
	assert_true(b.failed);
	assert_int_equal(b.len, sizeof(block));
	assert_memory_equal(b.data, block, sizeof(block));
	buffer_printf(&b, "%d", 1);
	assert_int_equal(b.len, sizeof(block));
	buffer_free(&b);

	buffer_init(&b);
	fail_alloc_at(0);
	buffer_printf(&b, "%s", "x");
	assert_true(fail_alloc_disarm());
	assert_true(b.failed);
	buffer_free(&b);
}

static void test_buffer_size_overflow(void **state)
{
	struct buffer b;

	(void)state;
	buffer_init(&b);
	buffer_puts(&b, "abc");
	buffer_append(&b, "", SIZE_MAX - 1); /* refused before reading a byte */
	assert_true(b.failed);
	assert_int_equal(b.len, 3);
	buffer_free(&b);
}

/* A buffer handed out stays valid however many files are added after it. */
static void test_set_buffers_stay_valid(void **state)
{
	struct output_set set;
	struct buffer *first;
	char name[32];
	char *error = NULL;

	output_set_init(&set);
	first = output_set_add(&set, in_dir(state, "first"));
	assert_non_null(first);
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "f%02d", i);
		add_file(&set, in_dir(state, name), name);
	}
	buffer_puts(first, "still here");
	assert_int_equal(set.count, 41);
	assert_ptr_equal(&set.files[0]->contents, first);
	assert_string_equal(set.files[0]->path, in_dir(state, "first"));
	assert_int_equal(output_set_commit(&set, &error), 0);
	assert_null(error);
	assert_file(in_dir(state, "first"), "still here");
	assert_file(in_dir(state, "f39"), "f39");
	output_set_free(&set);
	assert_null(set.files);
	assert_int_equal(set.count, 0);
}

static void test_set_add_out_of_memory(void **state)
{
	struct output_set set;
	unsigned n;

	for (n = 0;; n++) {
		struct buffer *b;
		bool failed;

		output_set_init(&set);
		fail_alloc_at(n);
		b = output_set_add(&set, in_dir(state, "x"));
		failed = fail_alloc_disarm();
		if (!failed) {
			assert_non_null(b);
			assert_int_equal(set.count, 1);
			output_set_free(&set);
			break;
		}
		assert_null(b);
		assert_int_equal(set.count, 0);
		output_set_free(&set);
	}
	assert_int_equal(n, 3); /* the array, the entry, the path */
}

static void test_commit_writes_files(void **state)
{
	struct output_set set;
	char *error = NULL;
	struct stat st;
	mode_t old_mask = umask(027);

	output_set_init(&set);
	add_file(&set, in_dir(state, "a.h"), "header\n");
	add_file(&set, in_dir(state, "a.c"), "source\n");
	assert_non_null(output_set_add(&set, in_dir(state, "empty.json")));
	assert_int_equal(output_set_commit(&set, &error), 0);
	assert_null(error);
	umask(old_mask);

	assert_file(in_dir(state, "a.h"), "header\n");
	assert_file(in_dir(state, "a.c"), "source\n");
	assert_file(in_dir(state, "empty.json"), "");
	assert_int_equal(stat(in_dir(state, "a.h"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640); /* 0666 & ~umask, not mkstemp's 0600 */
	assert_directory(*state, "a.c a.h empty.json"); /* no temporary left */
	output_set_free(&set);
}

static void test_commit_empty_set(void **state)
{
	struct output_set set;
	char *error = NULL;

	output_set_init(&set);
	assert_int_equal(output_set_commit(&set, &error), 0);
	assert_null(error);
	assert_directory(*state, "");
}

static void test_commit_leaves_unchanged_files_alone(void **state)
{
	struct output_set set;
	char *error = NULL;
	struct stat before, after;

	write_file(in_dir(state, "same"), "same bytes");
	write_file(in_dir(state, "empty"), "");
	age_file(in_dir(state, "same"));
	age_file(in_dir(state, "empty"));
	assert_int_equal(stat(in_dir(state, "same"), &before), 0);

	output_set_init(&set);
	add_file(&set, in_dir(state, "same"), "same bytes");
	assert_non_null(output_set_add(&set, in_dir(state, "empty")));
	assert_int_equal(output_set_commit(&set, &error), 0);

	assert_int_equal(stat(in_dir(state, "same"), &after), 0);
	assert_int_equal(after.st_mtime, 1000000000);
	assert_int_equal(after.st_ino, before.st_ino);
	assert_int_equal(stat(in_dir(state, "empty"), &after), 0);
	assert_int_equal(after.st_mtime, 1000000000);
	assert_directory(*state, "empty same");
	output_set_free(&set);
}

static void test_commit_replaces_changed_files(void **state)
{
	static const char *const old_contents[] = { "same size!", "short", "much longer text" };
	struct output_set set;
	char *error = NULL;
	struct stat st;
	char name[16];

	output_set_init(&set);
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		write_file(in_dir(state, name), old_contents[i]);
		age_file(in_dir(state, name));
		add_file(&set, in_dir(state, name), "SAME SIZE!");
	}
	assert_int_equal(output_set_commit(&set, &error), 0);
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		assert_file(in_dir(state, name), "SAME SIZE!");
		assert_int_equal(stat(in_dir(state, name), &st), 0);
		assert_int_not_equal(st.st_mtime, 1000000000);
	}
	assert_directory(*state, "f0 f1 f2");
	output_set_free(&set);
}

/* A FIFO in the way is replaced, and opening it to compare does not block. */
static void test_commit_replaces_fifo(void **state)
{
	struct output_set set;
	char *error = NULL;
	struct stat st;

	assert_int_equal(mkfifo(in_dir(state, "pipe"), 0600), 0);
	output_set_init(&set);
	add_file(&set, in_dir(state, "pipe"), "now a file");
	assert_int_equal(output_set_commit(&set, &error), 0);
	assert_int_equal(stat(in_dir(state, "pipe"), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_file(in_dir(state, "pipe"), "now a file");
	output_set_free(&set);
}

/* Nothing is renamed until every temporary file is written. */
static void check_commit_fails_before_writing(void **state, const char *bad_path, int errnum)
{
	struct output_set set;
	char *error = NULL;

	output_set_init(&set);
	add_file(&set, in_dir(state, "good.h"), "good");
	add_file(&set, bad_path, "bad");
	add_file(&set, in_dir(state, "later.h"), "later");
	assert_int_equal(output_set_commit(&set, &error), -1);
	assert_error_mentions(error, bad_path, errnum);
	free(error);
	output_set_free(&set);
}

static void test_commit_missing_directory(void **state)
{
	check_commit_fails_before_writing(state, in_dir(state, "missing/x.h"), ENOENT);
	assert_directory(*state, "");
}

static void test_commit_file_in_the_way(void **state)
{
	write_file(in_dir(state, "regular"), "");
	check_commit_fails_before_writing(state, in_dir(state, "regular/x.h"), ENOTDIR);
	assert_directory(*state, "regular");
}

static void test_commit_symlink_loop(void **state)
{
	assert_int_equal(symlink("loop", in_dir(state, "loop")), 0);
	check_commit_fails_before_writing(state, in_dir(state, "loop"), ELOOP);
	assert_directory(*state, "loop");
}

static void test_commit_write_error(void **state)
{
	struct output_set set;
	struct rlimit old_limit, limit;
	char *error = NULL;
	struct buffer *b;
	void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);

	output_set_init(&set);
	b = output_set_add(&set, in_dir(state, "big"));
	assert_non_null(b);
	for (int i = 0; i < 1000; i++)
		buffer_puts(b, "0123456789");

	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old_limit), 0);
	limit = old_limit;
	limit.rlim_cur = 4096;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &limit), 0);
	assert_int_equal(output_set_commit(&set, &error), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old_limit), 0);
	signal(SIGXFSZ, old_handler);

	assert_error_mentions(error, in_dir(state, "big"), EFBIG);
	assert_directory(*state, "");
	free(error);
	output_set_free(&set);
}

/* The rename itself fails: earlier targets are replaced, the rest not, and
 * no temporary file stays. */
static void test_commit_directory_in_the_way(void **state)
{
	struct output_set set;
	char *error = NULL;

	assert_int_equal(mkdir(in_dir(state, "sub"), 0700), 0);
	output_set_init(&set);
	add_file(&set, in_dir(state, "first.h"), "first");
	add_file(&set, in_dir(state, "sub"), "a file");
	add_file(&set, in_dir(state, "last.h"), "last");
	assert_int_equal(output_set_commit(&set, &error), -1);
	assert_error_mentions(error, in_dir(state, "sub"), EISDIR);
	assert_file(in_dir(state, "first.h"), "first");
	assert_directory(*state, "first.h sub");
	free(error);
	output_set_free(&set);
}

static void test_commit_incomplete_buffer(void **state)
{
	struct output_set set;
	char *error = NULL;
	struct buffer *b;

	output_set_init(&set);
	add_file(&set, in_dir(state, "ok.h"), "fine");
	b = output_set_add(&set, in_dir(state, "partial.c"));
	assert_non_null(b);
	fail_alloc_at(0);
	buffer_puts(b, "lost");
	assert_true(fail_alloc_disarm());

	assert_int_equal(output_set_commit(&set, &error), -1);
	assert_error_mentions(error, in_dir(state, "partial.c"), 0);
	assert_non_null(strstr(error, "out of memory"));
	assert_directory(*state, "");
	free(error);
	output_set_free(&set);
}

static void test_commit_out_of_memory(void **state)
{
	struct output_set set;
	unsigned n;

	output_set_init(&set);
	add_file(&set, in_dir(state, "a"), "A");
	add_file(&set, in_dir(state, "b"), "B");
	for (n = 0;; n++) {
		char *error = NULL;
		int result;
		bool failed;

		fail_alloc_at(n);
		result = output_set_commit(&set, &error);
		failed = fail_alloc_disarm();
		if (!failed) {
			assert_int_equal(result, 0);
			break;
		}
		/* The message itself may not have been allocated. */
		assert_int_equal(result, -1);
		if (error)
			assert_non_null(strstr(error, "out of memory"));
		free(error);
		assert_directory(*state, "");
	}
	assert_true(n >= 3); /* the temporary names and the array of them */
	assert_file(in_dir(state, "a"), "A");
	assert_directory(*state, "a b");
	output_set_free(&set);
}

static void test_changed_lists_differences(void **state)
{
	struct output_set set;
	const char **changed = NULL;
	size_t count = 99;
	char *error = NULL;

	write_file(in_dir(state, "same"), "same");
	write_file(in_dir(state, "other"), "old");
	age_file(in_dir(state, "same"));
	age_file(in_dir(state, "other"));
	assert_int_equal(mkdir(in_dir(state, "dir"), 0700), 0);

	output_set_init(&set);
	add_file(&set, in_dir(state, "same"), "same");
	add_file(&set, in_dir(state, "other"), "new");
	add_file(&set, in_dir(state, "missing"), "x");
	add_file(&set, in_dir(state, "dir"), "x");
	add_file(&set, in_dir(state, "same/under-a-file"), "x");
	assert_int_equal(output_set_changed(&set, &changed, &count, &error), 0);
	assert_int_equal(count, 4);
	assert_ptr_equal(changed[0], set.files[1]->path);
	assert_ptr_equal(changed[1], set.files[2]->path);
	assert_ptr_equal(changed[2], set.files[3]->path);
	assert_ptr_equal(changed[3], set.files[4]->path);
	free(changed);

	/* --check writes nothing. */
	assert_file(in_dir(state, "other"), "old");
	assert_directory(*state, "dir other same");
	output_set_free(&set);

	output_set_init(&set);
	add_file(&set, in_dir(state, "same"), "same");
	assert_int_equal(output_set_changed(&set, &changed, &count, &error), 0);
	assert_int_equal(count, 0);
	assert_null(changed);
	output_set_free(&set);

	output_set_init(&set);
	assert_int_equal(output_set_changed(&set, &changed, &count, &error), 0);
	assert_int_equal(count, 0);
	assert_null(changed);
	assert_null(error);
}

static void test_changed_errors(void **state)
{
	struct output_set set;
	const char **changed = (const char **)state;
	size_t count = 99;
	char *error = NULL;
	struct buffer *b;

	/* An existing file that cannot be read. */
	assert_int_equal(symlink("loop", in_dir(state, "loop")), 0);
	output_set_init(&set);
	add_file(&set, in_dir(state, "loop"), "x");
	assert_int_equal(output_set_changed(&set, &changed, &count, &error), -1);
	assert_error_mentions(error, in_dir(state, "loop"), ELOOP);
	assert_ptr_equal(changed, (const char **)state); /* outputs untouched */
	assert_int_equal(count, 99);
	free(error);
	error = NULL;
	output_set_free(&set);

	/* An incomplete buffer. */
	output_set_init(&set);
	b = output_set_add(&set, in_dir(state, "partial"));
	assert_non_null(b);
	fail_alloc_at(0);
	buffer_puts(b, "x");
	assert_true(fail_alloc_disarm());
	assert_int_equal(output_set_changed(&set, &changed, &count, &error), -1);
	assert_error_mentions(error, in_dir(state, "partial"), 0);
	free(error);
	error = NULL;
	output_set_free(&set);

	/* No memory for the answer. */
	output_set_init(&set);
	add_file(&set, in_dir(state, "new"), "x");
	fail_alloc_at(0);
	assert_int_equal(output_set_changed(&set, &changed, &count, &error), -1);
	assert_true(fail_alloc_disarm());
	assert_ptr_equal(changed, (const char **)state);
	free(error);
	output_set_free(&set);
}

static void test_depfile_format(void **state)
{
	static const char *const deps[] = {
		"include/a.h",
		"dir with space/b.h",
		"c$d.h",
		"e#f.h",
		"g\\ h.h",     /* a backslash before a space is doubled */
		"i\\\\ j.h",
		"k\\l.h",      /* other backslashes stay as they are */
	};
	char *error = NULL;
	const char *path = in_dir(state, "out.d");

	assert_int_equal(depfile_write(path, "gen/my lib_ccw.c", deps, 7, &error), 0);
	assert_null(error);
	assert_file(path, "gen/my\\ lib_ccw.c: \\\n"
			  "  include/a.h \\\n"
			  "  dir\\ with\\ space/b.h \\\n"
			  "  c$$d.h \\\n"
			  "  e\\#f.h \\\n"
			  "  g\\\\\\ h.h \\\n"
			  "  i\\\\\\\\\\ j.h \\\n"
			  "  k\\l.h\n");
	assert_directory(*state, "out.d");

	assert_int_equal(depfile_write(path, "t", NULL, 0, &error), 0);
	assert_file(path, "t:\n");
}

static void test_depfile_unchanged(void **state)
{
	static const char *const deps[] = { "a.h", "b.h" };
	const char *path = in_dir(state, "out.d");
	char *error = NULL;
	struct stat st;

	assert_int_equal(depfile_write(path, "x.c", deps, 2, &error), 0);
	age_file(path);
	assert_int_equal(depfile_write(path, "x.c", deps, 2, &error), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mtime, 1000000000);
	assert_int_equal(depfile_write(path, "x.c", deps, 1, &error), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_not_equal(st.st_mtime, 1000000000);
	assert_file(path, "x.c: \\\n  a.h\n");
}

static void test_depfile_refusals(void **state)
{
	static const char *const bad[] = { "new\nline.h", "tab\t.h", "", "trailing\\", "del\x7f" };
	const char *path = in_dir(state, "out.d");
	char *error = NULL;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *deps[] = { "ok.h", bad[i] };

		assert_int_equal(depfile_write(path, "x.c", deps, 2, &error), -1);
		assert_error_mentions(error, path, 0);
		assert_non_null(strstr(error, "dependency"));
		free(error);
		error = NULL;

		assert_int_equal(depfile_write(path, bad[i], deps, 1, &error), -1);
		assert_error_mentions(error, path, 0);
		assert_non_null(strstr(error, "target"));
		free(error);
		error = NULL;
	}
	assert_directory(*state, "");

	assert_int_equal(depfile_write(in_dir(state, "no/out.d"), "x", NULL, 0, &error), -1);
	assert_error_mentions(error, in_dir(state, "no/out.d"), ENOENT);
	free(error);
}

static void test_depfile_out_of_memory(void **state)
{
	static const char *const deps[] = { "a.h", "b.h" };
	const char *path = in_dir(state, "out.d");
	unsigned n;

	for (n = 0;; n++) {
		char *error = NULL;
		int result;
		bool failed;

		fail_alloc_at(n);
		result = depfile_write(path, "x.c", deps, 2, &error);
		failed = fail_alloc_disarm();
		if (!failed) {
			assert_int_equal(result, 0);
			break;
		}
		assert_int_equal(result, -1);
		if (error)
			assert_non_null(strstr(error, "out of memory"));
		free(error);
		assert_directory(*state, "");
	}
	assert_true(n >= 4);
	assert_file(path, "x.c: \\\n  a.h \\\n  b.h\n");
}

#define dir_test(f) cmocka_unit_test_setup_teardown(f, make_directory, remove_directory)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_appends),
		cmocka_unit_test(test_buffer_printf_conversions),
		cmocka_unit_test(test_buffer_empty_append_allocates),
		cmocka_unit_test(test_buffer_out_of_memory),
		cmocka_unit_test(test_buffer_size_overflow),
		dir_test(test_set_buffers_stay_valid),
		dir_test(test_set_add_out_of_memory),
		dir_test(test_commit_writes_files),
		dir_test(test_commit_empty_set),
		dir_test(test_commit_leaves_unchanged_files_alone),
		dir_test(test_commit_replaces_changed_files),
		dir_test(test_commit_replaces_fifo),
		dir_test(test_commit_missing_directory),
		dir_test(test_commit_file_in_the_way),
		dir_test(test_commit_symlink_loop),
		dir_test(test_commit_write_error),
		dir_test(test_commit_directory_in_the_way),
		dir_test(test_commit_incomplete_buffer),
		dir_test(test_commit_out_of_memory),
		dir_test(test_changed_lists_differences),
		dir_test(test_changed_errors),
		dir_test(test_depfile_format),
		dir_test(test_depfile_unchanged),
		dir_test(test_depfile_refusals),
		dir_test(test_depfile_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
