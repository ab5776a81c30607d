#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable clsid=11111111-2222-4333-8444-555555555555")
	CCW_INTERFACE("IMine iid={00020400-0000-0000-c000-000000000046}") mine;
// expect: standard-iid.h:3:23: error: iid={00020400-0000-0000-c000-000000000046} is IDispatch's; an interface needs a GUID of its own
