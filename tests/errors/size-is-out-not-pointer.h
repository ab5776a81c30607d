#include <ccw/annotate.h>
#include <stddef.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_read(struct thing *t, CCW_OUT CCW_SIZE_IS("len") unsigned char *data, CCW_OUT size_t *len);
// expect: size-is-out-not-pointer.h:4:55: error: CCW_SIZE_IS needs a pointer to bytes (out: a pointer to one); 'unsigned char *' of parameter 'data' is not supported
