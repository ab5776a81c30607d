#include <ccw/annotate.h>
struct CCW_CLASS("progid=1Acme..Thing") thing;
CCW_CONSTRUCTOR struct thing *thing_new(void);
// expect: bad-progid.h:2:19: error: progid='1Acme..Thing' is not a valid ProgID (a letter first, then letters, digits, '_' and single dots; at most 39 characters)
