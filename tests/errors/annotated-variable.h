#include <ccw/annotate.h>
CCW_METHOD() extern int thing_count;
// expect: annotated-variable.h:2:1: error: CCW_METHOD cannot be placed on a variable
