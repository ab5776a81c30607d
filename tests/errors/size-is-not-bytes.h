#include <ccw/annotate.h>
#include <stddef.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_sum(struct thing *t, CCW_SIZE_IS("n") const int *values, size_t n);
// expect: size-is-not-bytes.h:4:46: error: CCW_SIZE_IS needs a pointer to bytes; 'const int *' of parameter 'values' is not supported
