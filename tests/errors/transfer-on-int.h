#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_TRANSFER("full") CCW_METHOD() int thing_count(struct thing *t);
// expect: transfer-on-int.h:3:1: error: CCW_TRANSFER applies only to a string, object or byte buffer going out, not to the return value
