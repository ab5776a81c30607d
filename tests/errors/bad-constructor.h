#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_CONSTRUCTOR struct thing *thing_new(int size);
// expect: bad-constructor.h:3:1: error: CCW_CONSTRUCTOR thing_new must be 'T *thing_new(void)' with T a CCW_CLASS struct
