/*
 * bench_ccwgen.c - the benchmark of issue 4: ccwgen against clang
 * -fsyntax-only on the same large header, in wall time and peak RSS.
 *
 * usage: bench_ccwgen [--runs N] CCWGEN CLANG HEADER INCLUDE_DIR
 *
 * Runs, alternating so that a change in machine load hits both alike,
 *   CCWGEN -o TMPDIR --name bench HEADER -- -IINCLUDE_DIR
 *   CLANG -fsyntax-only -IINCLUDE_DIR HEADER
 * N times each (default 7) after one untimed warm-up of each, and prints a
 * table: median, fastest and slowest wall time (CLOCK_MONOTONIC around
 * fork/exec/wait4), the median peak RSS (wait4's ru_maxrss), and the ratios
 * ccwgen/clang against the targets (time <= 1.2, RSS <= 1.5).
 *
 * It is a benchmark, not a test: missing a target is reported, not failed.
 * The exit status is 1 only when a command fails or cannot be run.
 */

/* wait4, which reports one child's peak RSS, is BSD (glibc, musl, macOS, the
 * BSDs all have it), not POSIX; waitpid + getrusage(RUSAGE_CHILDREN) would
 * give the largest of all children so far instead. */
#define _DEFAULT_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 1000
#define TIME_TARGET 1.2
#define RSS_TARGET 1.5

struct command {
	const char *label;
	char **argv;
	double ms[MAX_RUNS];
	double rss_mib[MAX_RUNS];
};

struct run_result {
	double ms;
	double rss_mib;
};

static double elapsed_ms(const struct timespec *start, const struct timespec *end)
{
	return (double)(end->tv_sec - start->tv_sec) * 1e3 +
	       (double)(end->tv_nsec - start->tv_nsec) / 1e6;
}

/* Prints what the failed command wrote to stderr (its first 4 KiB). */
static void show_log(const char *log_path)
{
	char text[4096];
	FILE *log = fopen(log_path, "r");
	size_t n;

	if (!log)
		return;
	n = fread(text, 1, sizeof(text), log);
	fclose(log);
	fwrite(text, 1, n, stderr);
}

static void print_command(FILE *out, char *const argv[])
{
	for (size_t i = 0; argv[i]; i++)
		fprintf(out, "%s%s", i ? " " : "", argv[i]);
	fputc('\n', out);
}

/* Runs argv with stdout discarded and stderr kept in log_path. */
static bool run(char *const argv[], const char *log_path, struct run_result *out)
{
	struct timespec start, end;
	struct rusage usage;
	int status;
	pid_t pid;

	fflush(stdout); /* keep the table and any failure report in order */
	clock_gettime(CLOCK_MONOTONIC, &start);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return false;
	}
	if (pid == 0) {
		int null_fd = open("/dev/null", O_WRONLY);
		int log_fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (null_fd < 0 || log_fd < 0 || dup2(null_fd, STDOUT_FILENO) < 0 ||
		    dup2(log_fd, STDERR_FILENO) < 0)
			_exit(126);
		execv(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &usage) < 0) {
		if (errno != EINTR) {
			perror("wait4");
			return false;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &end);

	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench_ccwgen: command failed (%s %d):\n  ",
			WIFEXITED(status) ? "exit status" : "signal",
			WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		print_command(stderr, argv);
		show_log(log_path);
		return false;
	}
	out->ms = elapsed_ms(&start, &end);
	out->rss_mib = (double)usage.ru_maxrss / 1024.0; /* ru_maxrss is in KiB */
	return true;
}

static int compare_doubles(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

/* Sorts the samples in place. */
static double median(double *samples, size_t n)
{
	qsort(samples, n, sizeof(*samples), compare_doubles);
	return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

/* Removes the files ccwgen wrote (the directory holds no subdirectories). */
static void remove_directory(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (d) {
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

static void usage(const char *argv0)
{
	fprintf(stderr, "usage: %s [--runs N] CCWGEN CLANG HEADER INCLUDE_DIR\n", argv0);
}

int main(int argc, char **argv)
{
	static struct command commands[2];
	char out_dir[] = "/tmp/bench_ccwgen.XXXXXX";
	char include_arg[4096], log_path[4200];
	struct run_result result;
	unsigned long runs = 7;
	int arg = 1, status = 1;
	struct stat st;
	double time_ratio, rss_ratio, median_ms[2], median_rss[2];

	if (argc > 2 && strcmp(argv[1], "--runs") == 0) {
		char *end;

		runs = strtoul(argv[2], &end, 10);
		if (*end != '\0' || runs == 0 || runs > MAX_RUNS) {
			fprintf(stderr, "%s: --runs must be 1..%d\n", argv[0], MAX_RUNS);
			return 2;
		}
		arg = 3;
	}
	if (argc - arg != 4) {
		usage(argv[0]);
		return 2;
	}
	if (stat(argv[arg + 2], &st) < 0) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], argv[arg + 2], strerror(errno));
		return 2;
	}
	if (!mkdtemp(out_dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(include_arg, sizeof(include_arg), "-I%s", argv[arg + 3]);
	snprintf(log_path, sizeof(log_path), "%s/stderr.log", out_dir);

	char *ccwgen_argv[] = { argv[arg], "-o", out_dir, "--name", "bench", argv[arg + 2],
				"--", include_arg, NULL };
	char *clang_argv[] = { argv[arg + 1], "-fsyntax-only", include_arg, argv[arg + 2], NULL };

	commands[0].label = "ccwgen";
	commands[0].argv = ccwgen_argv;
	commands[1].label = "clang -fsyntax-only";
	commands[1].argv = clang_argv;

	printf("header: %s (%lld KiB), %lu runs each after a warm-up\n", argv[arg + 2],
	       (long long)st.st_size / 1024, runs);
	for (size_t c = 0; c < 2; c++) {
		printf("%-20s ", commands[c].label);
		print_command(stdout, commands[c].argv);
		if (!run(commands[c].argv, log_path, &result))
			goto cleanup;
	}
	for (unsigned long i = 0; i < runs; i++) {
		for (size_t c = 0; c < 2; c++) {
			if (!run(commands[c].argv, log_path, &result))
				goto cleanup;
			commands[c].ms[i] = result.ms;
			commands[c].rss_mib[i] = result.rss_mib;
		}
	}

	printf("\n%-20s %10s %10s %10s %14s\n", "", "median ms", "min ms", "max ms",
	       "peak RSS MiB");
	for (size_t c = 0; c < 2; c++) {
		median_ms[c] = median(commands[c].ms, runs);
		median_rss[c] = median(commands[c].rss_mib, runs);
		printf("%-20s %10.1f %10.1f %10.1f %14.1f\n", commands[c].label, median_ms[c],
		       commands[c].ms[0], commands[c].ms[runs - 1], median_rss[c]);
	}
	time_ratio = median_ms[0] / median_ms[1];
	rss_ratio = median_rss[0] / median_rss[1];
	printf("\n%-20s %10.2f  (target <= %.1f: %s)\n", "time ccwgen/clang", time_ratio,
	       TIME_TARGET, time_ratio <= TIME_TARGET ? "met" : "MISSED");
	printf("%-20s %10.2f  (target <= %.1f: %s)\n", "RSS ccwgen/clang", rss_ratio,
	       RSS_TARGET, rss_ratio <= RSS_TARGET ? "met" : "MISSED");
	/* One row each for `make bench`'s table (scripts/bench.sh). */
	printf("summary: ccwgen vs clang -fsyntax-only, time | %.1f ms vs %.1f ms | %.2fx | "
	       "<= %.1fx | %s\n", median_ms[0], median_ms[1], time_ratio, TIME_TARGET,
	       time_ratio <= TIME_TARGET ? "met" : "MISSED");
	printf("summary: ccwgen vs clang -fsyntax-only, peak RSS | %.1f MiB vs %.1f MiB | "
	       "%.2fx | <= %.1fx | %s\n", median_rss[0], median_rss[1], rss_ratio, RSS_TARGET,
	       rss_ratio <= RSS_TARGET ? "met" : "MISSED");
	status = 0;

cleanup:
	remove_directory(out_dir);
	return status;
}
