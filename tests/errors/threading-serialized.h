#include <ccw/annotate.h>
/* A warning alone exits 0: the missing constructor makes this case fail. */
struct CCW_CLASS("progid=Test.Serial threading=serialized") serial;
// expect: threading-serialized.h:3:38: warning: threading=serialized is registered but calls are not serialized yet (DESIGN.md section 10)
