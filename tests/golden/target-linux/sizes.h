/* Integer sizes follow the target: `long` is 4 bytes on Windows (LLP64) and
 * 8 on 64-bit Linux (LP64); the same header gives LONG or LONGLONG. */
#ifndef SIZES_H
#define SIZES_H

#include <stdbool.h>
#include <ccw/annotate.h>

struct CCW_CLASS("progid=Acme.Sizes clsid=B0000000-0000-4000-8000-000000000001")
	CCW_INTERFACE("ISizes iid=B0000000-0000-4000-8000-000000000002") sizes;

CCW_CONSTRUCTOR struct sizes *sizes_new(void);
CCW_METHOD() long sizes_signed_long(struct sizes *s, long value);
CCW_METHOD() unsigned long sizes_unsigned_long(struct sizes *s, unsigned long value);
CCW_METHOD() long long sizes_long_long(struct sizes *s, short a, int b, bool c);

#endif
