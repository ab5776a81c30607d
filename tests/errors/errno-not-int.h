#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_RESULT("errno") CCW_METHOD() void thing_try(struct thing *t);
// expect: errno-not-int.h:3:1: error: CCW_RESULT("errno") needs thing_try to return a signed integer, not 'void'
