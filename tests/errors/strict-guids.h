// args: --strict-guids
#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable clsid=11111111-2222-4333-8444-555555555555") thing;
// expect: strict-guids.h:3:8: error: interface IThing has no iid= (required by --strict-guids; derived would be 3B41D21E-4504-5D33-AD72-F52EB821EB99)
