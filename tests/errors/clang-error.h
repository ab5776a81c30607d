#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_poke(struct thing *t, undeclared_type x);
// expect: clang-error.h:3:47: error: unknown type name 'undeclared_type'
