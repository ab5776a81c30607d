#include <ccw/annotate.h>
CCW_CLASS("progid=Test.Early") struct early;
// expect: class-before-struct.h:2:1: error: clang ignored this annotation (attribute 'annotate' is ignored, place it after "struct" to apply attribute to type declaration): CCW_CLASS and CCW_INTERFACE go between 'struct' and the tag
