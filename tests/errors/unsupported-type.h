#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_scale(struct thing *t, long double factor);
// expect: unsupported-type.h:3:60: error: unsupported type 'long double' of parameter 'factor' in thing_scale
