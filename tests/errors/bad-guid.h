#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable clsid=1234-5678") thing;
// expect: bad-guid.h:2:32: error: malformed GUID '1234-5678' in clsid=
