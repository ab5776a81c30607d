#include <ccw/annotate.h>
#include <stddef.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_read(struct thing *t, CCW_RETVAL CCW_SIZE_IS("len") unsigned char **data, size_t len);
// expect: size-is-out-length-in.h:4:71: error: CCW_SIZE_IS("len"): parameter 'len' of thing_read is 'size_t', not a pointer to an unsigned integer (an out buffer's length)
