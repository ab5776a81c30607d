#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD() void thing_move(struct thing *t, CCW_OPTIONAL("0") int x, int y);
// expect: optional-order.h:3:76: error: parameter 'y' of thing_move follows an optional parameter and must be optional too
