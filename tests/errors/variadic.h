#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_log(struct thing *t, const char *fmt, ...);
// expect: variadic.h:3:19: error: thing_log is variadic; COM methods have fixed parameters
