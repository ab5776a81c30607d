#include <ccw/annotate.h>
struct CCW_INTERFACE("IThing") thing;
// expect: interface-without-class.h:2:8: error: CCW_INTERFACE on struct thing, which has no CCW_CLASS
