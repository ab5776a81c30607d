#include <ccw/annotate.h>
struct CCW_CLASS("clsid=11111111-2222-4333-8444-555555555555") thing;
CCW_CONSTRUCTOR struct thing *thing_new(void);
// expect: creatable-no-progid.h:2:8: error: class Thing is creatable but has no progid= (give one, or mark it noncreatable)
