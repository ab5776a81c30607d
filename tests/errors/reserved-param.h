#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() int thing_add(struct thing *t, int ccw_hr, int CCW_N);
// expect: reserved-param.h:3:49: error: parameter name 'ccw_hr' is reserved: the generated code's own names start with ccw_ or CCW_
