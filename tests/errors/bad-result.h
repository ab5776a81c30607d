#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_RESULT("maybe") CCW_METHOD() int thing_try(struct thing *t);
// expect: bad-result.h:3:13: error: CCW_RESULT("maybe") is not one of value, errno, minus1, bool, nonnull, hresult
