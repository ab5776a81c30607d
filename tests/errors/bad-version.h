#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable version=2") thing;
// expect: bad-version.h:2:32: error: version='2' must be MAJOR.MINOR (each 0-65535)
