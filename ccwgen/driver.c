/*
 * driver.c - the command line (DESIGN.md §8) and the run: scan the headers,
 * apply the sidecar, check, emit into memory, and only when no error was
 * found commit the outputs (or, with --check, compare them).
 */
#include "driver.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <unistd.h> /* readlink */
#endif

#include "check.h"
#include "compdb.h"
#include "decls.h"
#include "emit_c.h"
#include "emit_dll.h"
#include "emit_h.h"
#include "emit_idl.h"
#include "emit_json.h"
#include "model.h"
#include "output.h"
#include "scan.h"
#include "sidecar.h"
#include "util.h"
#include "uuid.h"

#ifndef CCWGEN_VERSION
#define CCWGEN_VERSION "unknown"
#endif

#define EXIT_INPUT_ERROR 1
#define EXIT_USAGE 2

static const char usage_text[] =
	"usage: ccwgen [options] HEADER... [-- CLANG_ARGS...]\n"
	"\n"
	"Generates COM glue for the C structs and functions that HEADER annotates\n"
	"with <ccw/annotate.h> (or that --sidecar describes).\n"
	"\n"
	"  -o, --output-dir DIR    where to write the outputs (default: .)\n"
	"      --name NAME         base name of the outputs and the type library\n"
	"                          (default: the first header's name without extension)\n"
	"      --emit KINDS        comma-separated: h, c, idl, json, dll\n"
	"                          (default: h, c, idl, json)\n"
	"      --dll               also emit the DLL entry points (same as adding dll)\n"
	"      --sidecar FILE      annotations in JSON, for a header that must not change\n"
	"  -p BUILD_DIR            take compiler flags from BUILD_DIR/compile_commands.json\n"
	"      --target TRIPLE     parse for this target (type sizes follow it)\n"
	"      --depfile FILE      write a Make-style depfile of every file clang read\n"
	"      --check             write nothing; exit 1 naming each output that would change\n"
	"      --strict-guids      a missing clsid=/iid= is an error, not a warning\n"
	"      --diagnostics-format text|json\n"
	"      --new-guid          print a fresh random GUID and exit\n"
	"      --version           print the version and exit\n"
	"      --help              print this help and exit\n"
	"\n"
	"Arguments after -- go to clang (-I, -D, -std=...). ccwgen's own include\n"
	"directory is searched last, so <ccw/annotate.h> always resolves, and\n"
	"__CCWGEN__ is defined while ccwgen parses.\n"
	"\n"
	"Exit status: 0 success, 1 errors in the input (or --check found changes),\n"
	"2 usage errors.\n";

static int usage_error(FILE *err, const char *fmt, const char *arg)
{
	fputs("ccwgen: ", err);
	fprintf(err, fmt, arg);
	fputs("\nTry 'ccwgen --help'.\n", err);
	return EXIT_USAGE;
}

static int parse_emit(const char *list, unsigned *out, FILE *err)
{
	static const struct {
		const char *name;
		unsigned bit;
	} kinds[] = {
		{ "h", EMIT_H }, { "c", EMIT_C }, { "idl", EMIT_IDL }, { "json", EMIT_JSON },
		{ "dll", EMIT_DLL },
	};
	const char *p = list;

	*out = 0;
	for (;;) {
		size_t len = strcspn(p, ",");
		bool known = false;

		for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
			if (strlen(kinds[i].name) == len && strncmp(kinds[i].name, p, len) == 0) {
				*out |= kinds[i].bit;
				known = true;
			}
		}
		if (!known)
			return usage_error(err, "--emit: unknown output kind in '%s' (kinds: h, c, "
					   "idl, json, dll)", list);
		if (!p[len])
			break;
		p += len + 1;
	}
	return 0;
}

static int append_arg(const char ***items, size_t *count, const char *arg)
{
	const char **slot = array_append(items, count, sizeof(*slot));

	if (!slot)
		return -1;
	*slot = arg;
	return 0;
}

/* The value of an option given as `--opt VALUE`, `--opt=VALUE` or `-oVALUE`. */
static const char *option_argument(int argc, char **argv, int *i, const char *name,
				   size_t name_len, FILE *err, int *status)
{
	const char *arg = argv[*i];

	if (arg[name_len] == '=' && name[1] == '-')
		return arg + name_len + 1;
	if (arg[name_len] && name[1] != '-')
		return arg + name_len;
	if (*i + 1 >= argc) {
		*status = usage_error(err, "option %s needs an argument", name);
		return NULL;
	}
	return argv[++*i];
}

/* Matches `arg` against an option that takes a value. */
static bool is_option(const char *arg, const char *name)
{
	size_t len = strlen(name);

	if (strncmp(arg, name, len) != 0)
		return false;
	if (name[1] == '-')
		return arg[len] == '\0' || arg[len] == '=';
	return true; /* -oDIR */
}

int driver_parse_args(int argc, char **argv, struct driver_options *out, FILE *err)
{
	int status = 0;
	bool dll = false;

	memset(out, 0, sizeof(*out));
	out->action = ACTION_GENERATE;
	out->output_dir = ".";
	out->diagnostics_format = DIAG_FORMAT_TEXT;
	for (int i = 1; i < argc && !status; i++) {
		const char *arg = argv[i];
		const char *value = NULL;

		if (strcmp(arg, "--") == 0) {
			for (i++; i < argc; i++) {
				if (append_arg(&out->clang_args, &out->clang_arg_count, argv[i]) < 0)
					return usage_error(err, "%s", "out of memory");
			}
			break;
		} else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			out->action = ACTION_HELP;
		} else if (strcmp(arg, "--version") == 0) {
			out->action = ACTION_VERSION;
		} else if (strcmp(arg, "--new-guid") == 0) {
			out->action = ACTION_NEW_GUID;
		} else if (strcmp(arg, "--check") == 0) {
			out->check = true;
		} else if (strcmp(arg, "--strict-guids") == 0) {
			out->strict_guids = true;
		} else if (strcmp(arg, "--dll") == 0) {
			dll = true;
		} else if (is_option(arg, "--output-dir") || is_option(arg, "-o")) {
			value = option_argument(argc, argv, &i, arg[1] == '-' ? "--output-dir" : "-o",
						arg[1] == '-' ? strlen("--output-dir") : 2, err,
						&status);
			out->output_dir = value;
		} else if (is_option(arg, "--name")) {
			value = option_argument(argc, argv, &i, "--name", 6, err, &status);
			if (value && !*value)
				status = usage_error(err, "%s", "--name must not be empty");
			out->name = value;
		} else if (is_option(arg, "--emit")) {
			value = option_argument(argc, argv, &i, "--emit", 6, err, &status);
			if (value)
				status = parse_emit(value, &out->emit, err);
			out->emit_given = true;
		} else if (is_option(arg, "--sidecar")) {
			out->sidecar = option_argument(argc, argv, &i, "--sidecar", 9, err, &status);
		} else if (is_option(arg, "-p")) {
			out->build_dir = option_argument(argc, argv, &i, "-p", 2, err, &status);
		} else if (is_option(arg, "--target")) {
			out->target = option_argument(argc, argv, &i, "--target", 8, err, &status);
		} else if (is_option(arg, "--depfile")) {
			out->depfile = option_argument(argc, argv, &i, "--depfile", 9, err, &status);
		} else if (is_option(arg, "--diagnostics-format")) {
			value = option_argument(argc, argv, &i, "--diagnostics-format", 20, err,
						&status);
			if (value && strcmp(value, "text") == 0)
				out->diagnostics_format = DIAG_FORMAT_TEXT;
			else if (value && strcmp(value, "json") == 0)
				out->diagnostics_format = DIAG_FORMAT_JSON;
			else if (value)
				status = usage_error(err, "--diagnostics-format: '%s' is not text or json",
						     value);
		} else if (arg[0] == '-' && arg[1]) {
			status = usage_error(err, "unknown option '%s'", arg);
		} else if (append_arg(&out->headers, &out->header_count, arg) < 0) {
			status = usage_error(err, "%s", "out of memory");
		}
	}
	if (status || out->action != ACTION_GENERATE)
		return status;
	if (out->header_count == 0)
		return usage_error(err, "%s", "no header given");
	if (!out->emit_given)
		out->emit = EMIT_H | EMIT_C | EMIT_IDL | EMIT_JSON;
	if (dll) {
		out->emit |= EMIT_DLL;
		out->emit_given = true;
	}
	return 0;
}

void driver_options_free(struct driver_options *options)
{
	free(options->headers);
	free(options->clang_args);
	options->headers = NULL;
	options->clang_args = NULL;
}

/* `dir/counter.h` -> `counter` */
static char *name_from_header(const char *header)
{
	const char *base = strrchr(header, '/');
	const char *dot;
	size_t len;
	char *name;

	base = base ? base + 1 : header;
	dot = strrchr(base, '.');
	len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	name = malloc(len + 1);
	if (name) {
		memcpy(name, base, len);
		name[len] = '\0';
	}
	return name;
}

static char *output_path(const char *dir, const char *name, const char *suffix)
{
	size_t len = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *path = malloc(len);

	if (path)
		snprintf(path, len, "%s/%s%s", dir, name, suffix);
	return path;
}

/* A new output DIR/NAMESUFFIX, or NULL when memory ran out. */
static struct buffer *add_output(struct output_set *outputs, const struct driver_options *options,
				 const char *name, const char *suffix)
{
	char *path = output_path(options->output_dir, name, suffix);
	struct buffer *buffer = path ? output_set_add(outputs, path) : NULL;

	free(path);
	return buffer;
}

/* The C emitter's run on a thread of its own (emit_outputs). */
struct emit_c_job {
	const struct model *model;
	struct buffer *out;
	const char *failed_class;
	int result;
};

static void *run_emit_c(void *arg)
{
	struct emit_c_job *job = arg;

	job->result = emit_c(job->model, job->out, &job->failed_class);
	return NULL;
}

/* Runs every emitter asked for into `outputs`, whose files are added in a
 * fixed order. Returns 0, -1 when memory ran out, or 1 after reporting an
 * error to `err`. */
static int emit_outputs(const struct driver_options *options, const struct model *model,
			const char *name, struct output_set *outputs, FILE *err)
{
	struct buffer *h = NULL, *idl = NULL, *json = NULL, *dll_c = NULL, *def = NULL;
	struct emit_c_job c_job = { .model = model };
	pthread_t c_thread;
	bool c_threaded = false;

	if (((options->emit & EMIT_H) && !(h = add_output(outputs, options, name, "_ccw.h"))) ||
	    ((options->emit & EMIT_C) &&
	     !(c_job.out = add_output(outputs, options, name, "_ccw.c"))) ||
	    ((options->emit & EMIT_IDL) && !(idl = add_output(outputs, options, name, ".idl"))) ||
	    ((options->emit & EMIT_JSON) &&
	     !(json = add_output(outputs, options, name, ".typelib.json"))) ||
	    ((options->emit & EMIT_DLL) &&
	     (!(dll_c = add_output(outputs, options, name, "_dll.c")) ||
	      !(def = add_output(outputs, options, name, ".def")))))
		return -1;

	/* The C file is the largest output, about as much work as all the
	 * others: it is written on a second thread while this one writes the
	 * rest. Emitters only read the model and each writes its own buffer,
	 * so the bytes are those of one thread; if no thread can be had, the C
	 * emitter runs here. */
	if (c_job.out) {
		c_threaded = pthread_create(&c_thread, NULL, run_emit_c, &c_job) == 0;
		if (!c_threaded)
			run_emit_c(&c_job);
	}
	if (h)
		emit_h(model, h);
	if (idl)
		emit_idl(model, idl);
	if (json)
		emit_json(model, json);
	if (dll_c) {
		emit_dll_c(model, dll_c);
		emit_dll_def(model, def);
	}
	if (c_threaded)
		pthread_join(c_thread, NULL);

	if (c_job.result < 0) {
		fprintf(err, "ccwgen: error: no QueryInterface table separates the IIDs of "
			"class %s (an interface reuses a standard IID?)\n", c_job.failed_class);
		return 1;
	}
	for (size_t i = 0; i < outputs->count; i++) {
		if (outputs->files[i]->contents.failed)
			return -1;
	}
	return 0;
}

static int print_new_guid(FILE *out, FILE *err)
{
	struct uuid guid;
	char text[UUID_STRING_SIZE];

	if (!uuid_random(&guid)) {
		fputs("ccwgen: no randomness available for --new-guid\n", err);
		return EXIT_INPUT_ERROR;
	}
	uuid_format(&guid, text);
	fprintf(out, "%s\n", text);
	return 0;
}

/* Joins compile_commands.json flags (first) and the user's CLANG_ARGS. */
static const char **clang_arguments(const struct driver_options *options,
				    const struct compdb_flags *flags, size_t *count)
{
	size_t total = flags->count + options->clang_arg_count;
	const char **args = calloc(total ? total : 1, sizeof(*args));

	if (!args)
		return NULL;
	for (size_t i = 0; i < flags->count; i++)
		args[i] = flags->args[i];
	for (size_t i = 0; i < options->clang_arg_count; i++)
		args[flags->count + i] = options->clang_args[i];
	*count = total;
	return args;
}

static int add_headers(struct model *model, const struct driver_options *options)
{
	for (size_t i = 0; i < options->header_count; i++) {
		const char *base = strrchr(options->headers[i], '/');

		if (model_add_header(model, base ? base + 1 : options->headers[i]) < 0)
			return -1;
	}
	return 0;
}

/* --check: names each output that would change; 1 if any would. */
static int check_outputs(const struct output_set *outputs, FILE *err)
{
	const char **changed = NULL;
	size_t count = 0;
	char *error = NULL;

	if (output_set_changed(outputs, &changed, &count, &error) < 0) {
		fprintf(err, "ccwgen: %s\n", error ? error : "out of memory");
		free(error);
		return EXIT_INPUT_ERROR;
	}
	for (size_t i = 0; i < count; i++)
		fprintf(err, "ccwgen: %s would change\n", changed[i]);
	free(changed);
	return count ? EXIT_INPUT_ERROR : 0;
}

static int commit_outputs(const struct driver_options *options, const struct output_set *outputs,
			  const struct decl_set *decls, FILE *err)
{
	char *error = NULL;

	/* -o names a directory the outputs go to; create it (one level) if it
	 * is missing, as a build system's fresh output directory may be. */
	if (mkdir(options->output_dir, 0777) < 0 && errno != EEXIST) {
		fprintf(err, "ccwgen: cannot create %s: %s\n", options->output_dir, strerror(errno));
		return EXIT_INPUT_ERROR;
	}
	if (output_set_commit(outputs, &error) < 0 ||
	    (options->depfile && outputs->count &&
	     depfile_write(options->depfile, outputs->files[0]->path,
			   (const char *const *)decls->dependencies, decls->dependency_count,
			   &error) < 0)) {
		fprintf(err, "ccwgen: %s\n", error ? error : "out of memory");
		free(error);
		return EXIT_INPUT_ERROR;
	}
	return 0;
}

static const char *resource_dir(void)
{
#ifdef CCWGEN_CLANG_RESOURCE_DIR
	return CCWGEN_CLANG_RESOURCE_DIR;
#else
	return NULL;
#endif
}

static bool has_annotate_h(const char *dir)
{
	char path[4096];
	struct stat st;

	return (size_t)snprintf(path, sizeof(path), "%s/ccw/annotate.h", dir) < sizeof(path) &&
	       stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The installed include directory relative to this executable, so that a
 * staged (DESTDIR) or moved installation finds its own headers; false when
 * the executable's path is unknown or no headers are there. */
static bool include_dir_beside_executable(char *buf, size_t size)
{
#if defined(CCWGEN_INCLUDE_DIR_FROM_BINDIR) && !defined(_WIN32)
	char exe[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (len <= 0)
		return false;
	exe[len] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return (size_t)snprintf(buf, size, "%s/%s", exe, CCWGEN_INCLUDE_DIR_FROM_BINDIR) < size &&
	       has_annotate_h(buf);
#else
	(void)buf;
	(void)size;
	return false;
#endif
}

/*
 * The directory added last to clang's search path so that <ccw/annotate.h>
 * always resolves: an installed ccwgen's include directory beside the
 * executable; for a ccwgen run from its build tree, the source tree's; else
 * the configured install location (a system without /proc). NULL when none
 * has the header.
 */
static const char *include_dir(char *buf, size_t size)
{
	if (include_dir_beside_executable(buf, size))
		return buf;
#ifdef CCWGEN_SOURCE_INCLUDE_DIR
	if (has_annotate_h(CCWGEN_SOURCE_INCLUDE_DIR))
		return CCWGEN_SOURCE_INCLUDE_DIR;
#endif
#ifdef CCWGEN_INSTALLED_INCLUDE_DIR
	if (has_annotate_h(CCWGEN_INSTALLED_INCLUDE_DIR))
		return CCWGEN_INSTALLED_INCLUDE_DIR;
#endif
	return NULL;
}

static int generate(const struct driver_options *options, FILE *err)
{
	struct diag_list diags;
	struct decl_set decls;
	struct compdb_flags flags = { 0 };
	struct output_set outputs;
	struct model *model = NULL;
	struct check_options check_options = { 0 };
	struct scan_options scan_options = { 0 };
	const char **args = NULL;
	char *name = NULL;
	char include_buf[4096];
	int status = EXIT_INPUT_ERROR, emitted;

	diag_list_init(&diags);
	decl_set_init(&decls);
	output_set_init(&outputs);
	name = options->name ? strdup(options->name) : name_from_header(options->headers[0]);
	if (!name)
		goto oom;
	if (options->build_dir &&
	    compdb_load(options->build_dir, options->headers[0], &flags, &diags) < 0)
		goto report;
	args = clang_arguments(options, &flags, &scan_options.clang_arg_count);
	if (!args)
		goto oom;
	scan_options.headers = options->headers;
	scan_options.header_count = options->header_count;
	scan_options.clang_args = args;
	scan_options.target = options->target;
	scan_options.resource_dir = resource_dir();
	scan_options.include_dir = include_dir(include_buf, sizeof(include_buf));
	if (scan_headers(&scan_options, &decls, &diags) < 0)
		goto report;
	if (options->sidecar && sidecar_load(options->sidecar, &decls, &diags) < 0)
		goto report;
	check_options.name = name;
	check_options.strict_guids = options->strict_guids;
	model = check_build_model(&decls, &check_options, &diags);
	if (!model || diags.errors)
		goto report;
	if (add_headers(model, options) < 0)
		goto oom;
	emitted = emit_outputs(options, model, name, &outputs, err);
	if (emitted < 0)
		goto oom;
	if (emitted > 0)
		goto report;
	diag_list_sort(&diags);
	diag_list_print(&diags, options->diagnostics_format, err);
	status = options->check ? check_outputs(&outputs, err)
				: commit_outputs(options, &outputs, &decls, err);
	goto done;
oom:
	fputs("ccwgen: out of memory\n", err);
	goto done;
report:
	diag_list_sort(&diags);
	diag_list_print(&diags, options->diagnostics_format, err);
done:
	model_free(model);
	output_set_free(&outputs);
	compdb_flags_free(&flags);
	decl_set_free(&decls);
	diag_list_free(&diags);
	free(args);
	free(name);
	return status;
}

int driver_run(const struct driver_options *options, FILE *out, FILE *err)
{
	switch (options->action) {
	case ACTION_HELP:
		fputs(usage_text, out);
		return 0;
	case ACTION_VERSION:
		fprintf(out, "ccwgen %s\n", CCWGEN_VERSION);
		return 0;
	case ACTION_NEW_GUID:
		return print_new_guid(out, err);
	case ACTION_GENERATE:
		break;
	}
	return generate(options, err);
}

int driver_main(int argc, char **argv)
{
	struct driver_options options;
	int status;

#ifndef _WIN32
	/* libclang parses on a thread of its own with an 8 MiB stack, for
	 * long-lived hosts such as editors; a one-shot ccwgen parses on this
	 * thread, as clang does, and saves that thread's stack and malloc arena
	 * (about 500 page faults, 3% of the run). A value the user set wins. */
	setenv("LIBCLANG_NOTHREADS", "1", 0);
#endif
	status = driver_parse_args(argc, argv, &options, stderr);

	if (status == 0)
		status = driver_run(&options, stdout, stderr);
	driver_options_free(&options);
	return status;
}
