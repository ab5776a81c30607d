/*
 * arith: the Wine suite's own component, WineTest.Arith.  Its Sum of two
 * integers is the method tests/bench/bench_wine_dispatch.c times against
 * oleaut32; the scripts also use it for doubles, strings and a failure whose
 * description the library writes itself.
 */
#ifndef ARITH_H
#define ARITH_H

#include <ccw/annotate.h>

#include <stdbool.h>

struct CCW_CLASS("progid=WineTest.Arith clsid=622449D8-ACCC-4C11-85CE-A71A13C65F03 "
		 "version=1.0 help=\"Arithmetic for the Wine suite\"")
	CCW_INTERFACE("IArith iid=AF2C3B21-D68B-4833-B341-13AF96D14F8F dual")
	arith;

CCW_CONSTRUCTOR struct arith *arith_new(void);
CCW_DESTRUCTOR void arith_free(struct arith *a);

/* x + y, wrapping around on overflow. */
CCW_METHOD() int arith_sum(const struct arith *a, int x, int y);

/* x / y, rounded toward zero.  Fails with EDOM and the description
 * "division of X by zero" when y is 0, and with ERANGE for INT_MIN / -1. */
CCW_METHOD() CCW_RESULT("errno")
int arith_divide(struct arith *a, int x, int y, CCW_RETVAL int *quotient);

/* How many divisions have succeeded. */
CCW_PROPGET() int arith_get_divisions(const struct arith *a);

/* The mean of two doubles. */
CCW_METHOD() double arith_mean(const struct arith *a, double x, double y);

/* text repeated count times, owned by the caller; fails with EINVAL for a
 * negative count. */
CCW_METHOD() CCW_RESULT("nonnull")
char *arith_repeat(const struct arith *a, const char *text, int count);

/* Whether x is even. */
CCW_METHOD() bool arith_is_even(const struct arith *a, int x);

#endif
