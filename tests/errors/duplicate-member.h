#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_add(struct thing *t);
CCW_METHOD("name=ADD") void thing_plus(struct thing *t);
// expect: duplicate-member.h:4:29: error: thing_plus: member name ADD is already used in interface IThing by thing_add (names are case-insensitive)
