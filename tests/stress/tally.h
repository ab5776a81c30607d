/*
 * tally: a thread-safe C library for the stress test. Its state is atomic and
 * its class declares threading=free, so any number of threads may call one
 * object at once; tests/stress/stress.c does, through the generated vtables
 * and IDispatch.
 */
#ifndef TALLY_H
#define TALLY_H

#include <ccw/annotate.h>

#include <stdint.h>

struct CCW_CLASS("progid=Stress.Tally clsid=9D4E2A10-6B3C-4F5E-8A7D-0C1B2E3F4A50 threading=free "
		 "help=\"A running total that threads share\"")
	CCW_INTERFACE("ITally iid=9D4E2A10-6B3C-4F5E-8A7D-0C1B2E3F4A51 dual default")
	CCW_INTERFACE("IProbe iid=9D4E2A10-6B3C-4F5E-8A7D-0C1B2E3F4A52 dual")
	tally;

CCW_CONSTRUCTOR struct tally *tally_new(void);
CCW_DESTRUCTOR void tally_free(struct tally *t);

/* ITally: adds step and returns the new total. */
CCW_METHOD() int64_t tally_add(struct tally *t, int step);
CCW_PROPGET() int64_t tally_get_total(const struct tally *t);

/* IProbe: a constant string out, a string in. */
CCW_PROPGET("iface=IProbe") const char *tally_get_name(const struct tally *t);
CCW_METHOD("iface=IProbe") int tally_measure(const struct tally *t, const char *text);

#endif
