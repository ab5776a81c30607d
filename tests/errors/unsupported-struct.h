#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
struct other;
CCW_METHOD() void thing_link(struct thing *t, struct other *o);
// expect: unsupported-struct.h:4:61: error: unsupported type 'struct other *' of parameter 'o' in thing_link
