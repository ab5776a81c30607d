/*
 * bench_thunks.c - what a generated thunk costs (issue 5), in one run.
 *
 * What each side measures:
 *   - scalar call. Direct: `thunks_add(c, i, 1)`, a call into the library's
 *     own translation unit (thunks.c, never inlined: separate object, no
 *     LTO), its result added to a running total, as an application linked
 *     with the C library calls it. Thunk: `IFirst_Add(p, i, 1, &v)` through
 *     the vtable of an interface pointer the compiler only gets at run time
 *     (so it cannot devirtualize), `v` added to the total: the vtable load,
 *     the indirect call, the thunk (This -> C object, the NULL check of the
 *     out pointer, the same call into thunks.c, the store through it).
 *     Target <= 1.5x.
 *   - string round trip of a 54-character ASCII string. Direct:
 *     `thunks_echo(c, text)` (strdup inside), `free` of its result, plus the
 *     memcpy floor of the two conversions: one memcpy of the UTF-16 payload
 *     before the call and one after. Thunk: `ISecond_Echo(p, bstr, &out)`
 *     (BSTR -> UTF-8, the call, UTF-8 -> a new BSTR, the library's string
 *     freed) and the caller's SysFreeString(out). Target <= 3x.
 *   - QueryInterface for the last of four interfaces and the Release of what
 *     it returned.
 *   - an AddRef + Release pair on an object that stays alive.
 *
 * Direct and thunk batches alternate, so that a machine busy with something
 * else slows both alike. Each figure is the median of ROUNDS batches of
 * BATCH operations, in ns per operation, with the fastest and slowest batch;
 * a ratio is the median of the per-round ratios. The exit status is 0
 * whatever the figures: a benchmark reports, it does not fail on a slow
 * machine.
 */
#define COBJMACROS
#include "thunks_ccw.h"
#include "thunks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH 200000
#define ROUNDS 31

/* Keeps results alive so that the compiler cannot drop the calls. */
static volatile long sink;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

struct fixture {
	struct thunks *c;
	IFirst *first;
	ISecond *second;
	const char *text; /* UTF-8 */
	BSTR bstr;        /* the same text */
	OLECHAR *scratch; /* room for one copy of the UTF-16 payload */
};

typedef void (*batch_fn)(struct fixture *f);

/* ns per operation of one batch. */
static double time_batch(batch_fn fn, struct fixture *f)
{
	double start = now_ns();

	fn(f);
	return (now_ns() - start) / BATCH;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Sorts the samples and returns their median. */
static double median(double *samples, size_t count)
{
	qsort(samples, count, sizeof(*samples), compare_doubles);
	return samples[count / 2];
}

struct figures {
	double median, fastest, slowest;
};

static struct figures summarize(double *samples)
{
	struct figures fig;

	fig.median = median(samples, ROUNDS);
	fig.fastest = samples[0];
	fig.slowest = samples[ROUNDS - 1];
	return fig;
}

struct comparison {
	struct figures direct, thunk;
	double ratio; /* median of the per-round ratios */
};

/* Alternates batches of the direct and the generated path (or times one
 * alone when direct is NULL). */
static struct comparison compare(batch_fn direct, batch_fn thunk, struct fixture *f)
{
	double direct_ns[ROUNDS], thunk_ns[ROUNDS], ratios[ROUNDS];
	struct comparison result = { 0 };

	if (direct)
		direct(f); /* warm up */
	thunk(f);
	for (int i = 0; i < ROUNDS; i++) {
		direct_ns[i] = direct ? time_batch(direct, f) : 0;
		thunk_ns[i] = time_batch(thunk, f);
		ratios[i] = direct ? thunk_ns[i] / direct_ns[i] : 0;
	}
	result.direct = summarize(direct_ns);
	result.thunk = summarize(thunk_ns);
	result.ratio = median(ratios, ROUNDS);
	return result;
}

static void direct_add(struct fixture *f)
{
	long total = 0;

	for (int i = 0; i < BATCH; i++)
		total += thunks_add(f->c, i, 1);
	sink = total;
}

static void thunk_add(struct fixture *f)
{
	long total = 0;

	for (int i = 0; i < BATCH; i++) {
		LONG result;

		IFirst_Add(f->first, i, 1, &result);
		total += result;
	}
	sink = total;
}

static void direct_echo(struct fixture *f)
{
	size_t payload = SysStringByteLen(f->bstr);

	for (int i = 0; i < BATCH; i++) {
		char *copy;

		memcpy(f->scratch, f->bstr, payload); /* the floor of BSTR -> UTF-8 */
		copy = thunks_echo(f->c, f->text);
		memcpy(f->scratch, f->bstr, payload); /* the floor of UTF-8 -> BSTR */
		sink += copy[0] + f->scratch[0];
		free(copy);
	}
}

static void thunk_echo(struct fixture *f)
{
	for (int i = 0; i < BATCH; i++) {
		BSTR out = NULL;

		ISecond_Echo(f->second, f->bstr, &out);
		sink += out[0];
		SysFreeString(out);
	}
}

static void query_last(struct fixture *f)
{
	for (int i = 0; i < BATCH; i++) {
		IFourth *fourth = NULL;

		IFirst_QueryInterface(f->first, &IID_IFourth, (void **)&fourth);
		IFourth_Release(fourth);
	}
}

static void add_ref_release(struct fixture *f)
{
	for (int i = 0; i < BATCH; i++) {
		IFirst_AddRef(f->first);
		IFirst_Release(f->first);
	}
}

static void print_figures(const char *label, struct figures fig)
{
	printf("  %-9s %7.2f ns  (%.2f .. %.2f)\n", label, fig.median, fig.fastest, fig.slowest);
}

int main(void)
{
	static const char text[] = "The quick brown fox jumps over the lazy dog, 42 times.";
	struct fixture f = { 0 };
	struct comparison scalar, echo, qi, refs;

	f.c = thunks_new();
	f.text = text;
	if (!f.c || FAILED(thunks_ccw_wrap(f.c, true, &IID_IFirst, (void **)&f.first)) ||
	    FAILED(IFirst_QueryInterface(f.first, &IID_ISecond, (void **)&f.second)) ||
	    FAILED(ccw_bstr_from_utf8(text, CCW_NUL_TERMINATED, &f.bstr)) ||
	    !(f.scratch = malloc(SysStringByteLen(f.bstr)))) {
		fputs("bench_thunks: setup failed\n", stderr);
		return 1;
	}

	scalar = compare(direct_add, thunk_add, &f);
	echo = compare(direct_echo, thunk_echo, &f);
	qi = compare(NULL, query_last, &f);
	refs = compare(NULL, add_ref_release, &f);

	printf("median ns per operation of %d batches of %d (fastest .. slowest batch)\n",
	       ROUNDS, BATCH);
	printf("scalar call: ratio %.2fx (target <= 1.5x)\n", scalar.ratio);
	print_figures("direct", scalar.direct);
	print_figures("thunk", scalar.thunk);
	printf("string round trip, %zu characters: ratio %.2fx (target <= 3x)\n", strlen(text),
	       echo.ratio);
	print_figures("C+memcpy", echo.direct);
	print_figures("thunk", echo.thunk);
	printf("QueryInterface (last of four) + Release:\n");
	print_figures("", qi.thunk);
	printf("AddRef + Release:\n");
	print_figures("", refs.thunk);

	/* One row each for `make bench`'s table (scripts/bench.sh). */
	printf("summary: early-bound scalar call vs direct C call | %.2f ns vs %.2f ns | "
	       "%.2fx | <= 1.5x | %s\n", scalar.thunk.median, scalar.direct.median, scalar.ratio,
	       scalar.ratio <= 1.5 ? "met" : "MISSED");
	printf("summary: early-bound string round trip vs C + memcpy | %.2f ns vs %.2f ns | "
	       "%.2fx | <= 3x | %s\n", echo.thunk.median, echo.direct.median, echo.ratio,
	       echo.ratio <= 3.0 ? "met" : "MISSED");
	printf("summary: QueryInterface (last of four) + Release | %.2f ns | - | - | -\n",
	       qi.thunk.median);
	printf("summary: AddRef + Release | %.2f ns | - | - | -\n", refs.thunk.median);

	SysFreeString(f.bstr);
	free(f.scratch);
	ISecond_Release(f.second);
	IFirst_Release(f.first);
	return 0;
}
