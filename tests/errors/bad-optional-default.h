#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_grow(struct thing *t, CCW_OPTIONAL("lots") int by);
// expect: bad-optional-default.h:3:61: error: 'lots' is not a valid default for parameter 'by' of type LONG
