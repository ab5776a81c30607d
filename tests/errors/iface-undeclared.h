#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") CCW_INTERFACE("IThing") thing;
CCW_METHOD("iface=IOther") void thing_poke(struct thing *t);
// expect: iface-undeclared.h:3:13: error: interface IOther is not declared by class Thing (add CCW_INTERFACE("IOther") to struct thing)
