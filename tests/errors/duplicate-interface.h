#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") CCW_INTERFACE("IThing") CCW_INTERFACE("ithing") thing;
// expect: duplicate-interface.h:2:73: error: class Thing declares interface ithing twice
