#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") CCW_METHOD() thing;
// expect: method-on-struct.h:2:34: error: CCW_METHOD cannot be placed on a struct
