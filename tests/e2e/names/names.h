/*
 * names: an e2e test library whose parameters are named as badly as C
 * allows: like the locals a generated thunk once declared (`x` beside
 * `x_buf`, `c_x_buf`, `com_x`, `hr`, `rc`, `self`), like the generator's own
 * words (`This`, `lpVtbl`, `result` beside a returned value, a parameter
 * named as its method), like C++ and IDL keywords (`new`, `class`, `in`,
 * `out`, `string`, `interface`) and like a C library function (`free`).
 * tests/e2e/test_names.c shows that the generated code compiles and works;
 * tests/golden/names keeps the generated text. And one member name, Side,
 * on two interfaces, which a late-bound client must tell apart
 * (tests/dispatch/dispatch_call.sh).
 */
#ifndef NAMES_H
#define NAMES_H

#include <ccw/annotate.h>

#include <stddef.h>

struct CCW_CLASS("progid=E2E.Names clsid=A43B41F1-95CA-4519-B07F-5886D338D011")
	CCW_INTERFACE("INames iid=21A1E94C-7336-46F7-9082-65F70015ABEA dual")
	CCW_INTERFACE("ILeft iid=8BB18DBA-CDEE-4984-96E0-59526B4056F0 dual")
	CCW_INTERFACE("IRight iid=92371430-0229-45C1-8EAC-EA5CA04FDB15 dual")
	names;

CCW_CONSTRUCTOR struct names *names_new(void);
CCW_DESTRUCTOR void names_destroy(struct names *n);

/* "x|x_buf|c_x_buf|c_x" (a new string, transfer full). */
CCW_METHOD() char *names_join(const struct names *n, const char *x, const char *x_buf,
		const char *c_x_buf, const char *c_x);

/* The weighted sum hr + 2 rc + 3 self + ... + 12 result: each argument
 * counts, in its place. */
CCW_METHOD() int names_sum(const struct names *n, int hr, int rc, int self, int This,
		int lpVtbl, int in, int out, int new, int class, int string, int interface,
		int result);

/* The bytes of x added up, plus c_x_count; x_count is x's length. */
CCW_METHOD() int names_weigh(const struct names *n, CCW_SIZE_IS("x_count") const unsigned char *x,
		size_t x_count, int c_x_count);

/* x = com_x repeated `free` times (a new string); -EINVAL when free < 0. */
CCW_METHOD() CCW_RESULT("errno") int names_repeat(const struct names *n, const char *com_x,
		int free, CCW_OUT char **x);

/* Swaps in and out; the method's own name as a parameter. */
CCW_METHOD() void names_swap(const struct names *n, CCW_INOUT int *in, CCW_INOUT int *out,
		int Swap);

/* "left" and "right": Side on two interfaces. */
CCW_METHOD("iface=ILeft name=Side") const char *names_left(const struct names *n);
CCW_METHOD("iface=IRight name=Side") const char *names_right(const struct names *n);

#endif
