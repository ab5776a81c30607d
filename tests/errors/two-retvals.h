#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() int thing_read(struct thing *t, CCW_RETVAL int *value);
// expect: two-retvals.h:3:62: error: thing_read has more than one [retval] (its return value and value)
