#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_METHOD("class=widget") int thing_version(void);
// expect: class-option-unknown-tag.h:3:13: error: class=widget names no struct annotated with CCW_CLASS
