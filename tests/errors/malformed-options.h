#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable help=\"unterminated") thing;
// expect: malformed-options.h:2:37: error: malformed CCW_CLASS options: unterminated quoted value
