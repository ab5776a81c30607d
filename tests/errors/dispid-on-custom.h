#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") CCW_INTERFACE("IThing custom") thing;
CCW_METHOD("dispid=3") void thing_poke(struct thing *t);
// expect: dispid-on-custom.h:3:13: error: thing_poke is in custom interface IThing, which has no DISPIDs
