#include <ccw/annotate.h>
#include <stddef.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_write(struct thing *t, CCW_SIZE_IS("length") const void *data, size_t len);
// expect: size-is-missing.h:4:61: error: CCW_SIZE_IS("length") names no parameter of thing_write
