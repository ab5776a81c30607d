/* greeter: the tiny annotated library every consumer test wraps. */
#ifndef GREETER_H
#define GREETER_H

#include <ccw/annotate.h>

struct CCW_CLASS("progid=Consumer.Greeter clsid=1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F0")
	CCW_INTERFACE("IGreeter iid=1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F1 dual")
	greeter;

CCW_CONSTRUCTOR struct greeter *greeter_new(void);
CCW_DESTRUCTOR void greeter_free(struct greeter *g);

/* n times the greeter's factor (2). */
CCW_METHOD() int greeter_times(const struct greeter *g, int n);

#endif
