#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_read(struct thing *t, CCW_RETVAL CCW_SIZE_IS("len") unsigned char **data, CCW_INOUT unsigned *len);
// expect: size-is-out-length-inout.h:3:58: error: the length parameter 'len' of an out buffer must be CCW_OUT
