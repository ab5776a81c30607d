#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable clsid=11111111-2222-4333-8444-555555555555")
	CCW_INTERFACE("IOne iid=21111111-2222-4333-8444-555555555555") one;
struct CCW_CLASS("noncreatable clsid=31111111-2222-4333-8444-555555555555")
	CCW_INTERFACE("ITwo iid={11111111-2222-4333-8444-555555555555}") two;
// expect: duplicate-guid.h:5:2: error: GUID 11111111-2222-4333-8444-555555555555 of ITwo is already used by One
