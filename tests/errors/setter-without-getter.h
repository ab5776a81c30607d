#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_PROPPUT() void thing_set_size(struct thing *t, int size);
// expect: setter-without-getter.h:3:20: error: property setter thing_set_size has no getter: add a CCW_PROPGET for property Size
