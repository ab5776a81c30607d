#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_get(struct thing *t, CCW_OUT CCW_RETVAL int *value);
// expect: two-directions.h:3:54: error: parameter 'value' has two directions (CCW_OUT and CCW_RETVAL)
