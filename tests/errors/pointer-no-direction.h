#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_get(struct thing *t, int *value);
// expect: pointer-no-direction.h:3:51: error: pointer parameter 'value' of thing_get needs CCW_OUT, CCW_INOUT, CCW_RETVAL or CCW_SIZE_IS
