#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() int thing_count(int x);
// expect: no-self.h:3:18: error: thing_count: the first parameter must be a pointer to a struct annotated with CCW_CLASS (or give class=<struct tag>)
