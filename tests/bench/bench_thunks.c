/*
 * bench_thunks.c - what a generated thunk costs (issue 5), in one run:
 *   - an early-bound call with scalar arguments through the vtable, against
 *     the direct C call (target <= 1.5x);
 *   - a string round trip (BSTR in, BSTR out) through the vtable, against the
 *     direct C call plus the floor of the two conversions: one memcpy of the
 *     UTF-16 payload each way (target <= 3x);
 *   - QueryInterface for the last of four interfaces (+ its Release);
 *   - an AddRef + Release pair.
 * Each figure is the best of several timed batches, in ns per operation.
 * The exit status is 0 whatever the figures: a benchmark reports, it does
 * not fail on a slow machine.
 */
#include "thunks_ccw.h"
#include "thunks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH 200000
#define BATCHES 15

/* Keeps results alive so the compiler cannot drop the calls. */
static volatile long sink;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

typedef void (*batch_fn)(void *context);

/* Best ns per operation over BATCHES runs of fn (each BATCH operations). */
static double best_of(batch_fn fn, void *context)
{
	double best = 1e300;

	fn(context); /* warm up */
	for (int i = 0; i < BATCHES; i++) {
		double start = now_ns();

		fn(context);
		double per_op = (now_ns() - start) / BATCH;

		if (per_op < best)
			best = per_op;
	}
	return best;
}

struct fixture {
	struct thunks *c;
	IFirst *first;
	ISecond *second;
	const char *text; /* UTF-8 */
	BSTR bstr;        /* the same text */
	OLECHAR *scratch; /* room for one copy of the UTF-16 payload */
};

static void direct_add(void *context)
{
	struct fixture *f = context;
	long total = 0;

	for (int i = 0; i < BATCH; i++)
		total += thunks_add(f->c, i, 1);
	sink = total;
}

static void thunk_add(void *context)
{
	struct fixture *f = context;
	long total = 0;

	for (int i = 0; i < BATCH; i++) {
		LONG result;

		f->first->lpVtbl->Add(f->first, i, 1, &result);
		total += result;
	}
	sink = total;
}

static void direct_echo(void *context)
{
	struct fixture *f = context;
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

static void thunk_echo(void *context)
{
	struct fixture *f = context;

	for (int i = 0; i < BATCH; i++) {
		BSTR out = NULL;

		f->second->lpVtbl->Echo(f->second, f->bstr, &out);
		sink += out[0];
		SysFreeString(out);
	}
}

static void query_last(void *context)
{
	struct fixture *f = context;

	for (int i = 0; i < BATCH; i++) {
		IFourth *fourth = NULL;

		f->first->lpVtbl->QueryInterface(f->first, &IID_IFourth, (void **)&fourth);
		fourth->lpVtbl->Release(fourth);
	}
}

static void add_ref_release(void *context)
{
	struct fixture *f = context;

	for (int i = 0; i < BATCH; i++) {
		f->first->lpVtbl->AddRef(f->first);
		f->first->lpVtbl->Release(f->first);
	}
}

int main(void)
{
	static const char text[] = "The quick brown fox jumps over the lazy dog, 42 times.";
	struct fixture f = { 0 };
	double direct, thunk, floor_echo, echo, qi, refs;

	f.c = thunks_new();
	f.text = text;
	if (!f.c || FAILED(thunks_ccw_wrap(f.c, true, &IID_IFirst, (void **)&f.first)) ||
	    FAILED(f.first->lpVtbl->QueryInterface(f.first, &IID_ISecond, (void **)&f.second)) ||
	    FAILED(ccw_bstr_from_utf8(text, CCW_NUL_TERMINATED, &f.bstr)) ||
	    !(f.scratch = malloc(SysStringByteLen(f.bstr)))) {
		fputs("bench_thunks: setup failed\n", stderr);
		return 1;
	}

	direct = best_of(direct_add, &f);
	thunk = best_of(thunk_add, &f);
	floor_echo = best_of(direct_echo, &f);
	echo = best_of(thunk_echo, &f);
	qi = best_of(query_last, &f);
	refs = best_of(add_ref_release, &f);

	printf("scalar call:   direct %6.2f ns, thunk %6.2f ns, ratio %.2fx (target <= 1.5x)\n",
	       direct, thunk, thunk / direct);
	printf("string trip:   C + memcpy floor %6.2f ns, thunk %6.2f ns, ratio %.2fx "
	       "(target <= 3x; %zu characters)\n", floor_echo, echo, echo / floor_echo,
	       strlen(text));
	printf("QueryInterface (last of four) + Release: %6.2f ns\n", qi);
	printf("AddRef + Release: %6.2f ns\n", refs);

	SysFreeString(f.bstr);
	free(f.scratch);
	f.second->lpVtbl->Release(f.second);
	f.first->lpVtbl->Release(f.first);
	return 0;
}
