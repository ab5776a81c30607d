#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_read(struct thing *t, CCW_RETVAL CCW_SIZE_IS("len") unsigned char **data, CCW_OUT int *len);
// expect: size-is-out-length-signed.h:3:71: error: CCW_SIZE_IS("len"): parameter 'len' of thing_read is 'int *', not a pointer to an unsigned integer (an out buffer's length)
