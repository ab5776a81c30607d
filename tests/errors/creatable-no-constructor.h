#include <ccw/annotate.h>
struct CCW_CLASS("progid=Acme.Thing") thing;
// expect: creatable-no-constructor.h:2:8: error: class Thing is creatable but has no CCW_CONSTRUCTOR (add one, or mark it noncreatable)
