#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD("dispid=5") void thing_one(struct thing *t);
CCW_METHOD("dispid=5") void thing_two(struct thing *t);
// expect: duplicate-dispid.h:4:13: error: DISPID 5 of Two is already used by One in interface IThing
