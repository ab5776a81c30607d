/*
 * thunks: the library the thunk benchmark (bench_thunks.c) calls directly
 * and through the vtables ccwgen generates for it: a class with four
 * interfaces (QueryInterface is timed for the last), a scalar method and a
 * string round trip.
 */
#ifndef THUNKS_H
#define THUNKS_H

#include <ccw/annotate.h>

struct CCW_CLASS("progid=Bench.Thunks clsid=B3A7C1D0-0000-4000-8000-000000000001")
	CCW_INTERFACE("IFirst iid=B3A7C1D0-0000-4000-8000-000000000011 custom default")
	CCW_INTERFACE("ISecond iid=B3A7C1D0-0000-4000-8000-000000000012 dual")
	CCW_INTERFACE("IThird iid=B3A7C1D0-0000-4000-8000-000000000013 custom")
	CCW_INTERFACE("IFourth iid=B3A7C1D0-0000-4000-8000-000000000014 custom")
	thunks;

CCW_CONSTRUCTOR struct thunks *thunks_new(void);
CCW_DESTRUCTOR void thunks_free(struct thunks *t);
CCW_METHOD() int thunks_add(struct thunks *t, int a, int b);
CCW_METHOD("iface=ISecond") char *thunks_echo(struct thunks *t, const char *text);
CCW_METHOD("iface=IThird") void thunks_touch(struct thunks *t);
CCW_METHOD("iface=IFourth") int thunks_count(const struct thunks *t);

#endif
