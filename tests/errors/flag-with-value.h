#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable=yes") thing;
// expect: flag-with-value.h:2:19: error: CCW_CLASS option 'noncreatable' takes no value
