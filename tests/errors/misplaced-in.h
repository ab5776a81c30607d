#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_IN CCW_METHOD() void thing_poke(struct thing *t);
// expect: misplaced-in.h:3:1: error: CCW_IN cannot be placed on a function
