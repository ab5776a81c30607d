#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_write(struct thing *t, CCW_SIZE_IS("len") const void *data, double len);
// expect: size-is-not-integer.h:3:61: error: CCW_SIZE_IS("len"): parameter 'len' of thing_write is 'double', not an integer
