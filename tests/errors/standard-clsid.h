#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable clsid=00000001-0000-0000-C000-000000000046") mine;
// expect: standard-clsid.h:2:32: error: clsid=00000001-0000-0000-C000-000000000046 is IClassFactory's; a class needs a GUID of its own
