#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing {
	CCW_PROPERTY() const char *name;
};
// expect: string-field-writable.h:3:2: error: field name holds a string: it must be readonly (who would own a replaced value?)
