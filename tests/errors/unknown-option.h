#include <ccw/annotate.h>
struct CCW_CLASS("progid=Acme.Thing colour=red noncreatable") thing;
// expect: unknown-option.h:2:37: error: unknown CCW_CLASS option 'colour'
