#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable") thing;
CCW_DESTRUCTOR int thing_free(struct thing *t);
// expect: bad-destructor.h:3:1: error: CCW_DESTRUCTOR thing_free must be 'void thing_free(T *)' with T a CCW_CLASS struct
