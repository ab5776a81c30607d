#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_PROPGET() int thing_get_item(const struct thing *t, int index);
// expect: getter-with-param.h:3:19: error: property getter thing_get_item must take nothing besides the object and give one value (its return or one CCW_RETVAL)
