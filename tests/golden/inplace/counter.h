/* A class annotated in place: two interfaces, properties, every kind of
 * parameter. */
#ifndef COUNTER_H
#define COUNTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ccw/annotate.h>

#include "../comtypes.h"

enum counter_mode { COUNTER_UP, COUNTER_DOWN };

struct CCW_CLASS("progid=Acme.Counter clsid=8C1A5F0E-2B3D-4E5F-8A9B-0C1D2E3F4A5B "
		 "version=2.1 help=\"A counter\" threading=both")
	CCW_INTERFACE("ICounter iid={0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0} dual default "
		      "help=\"Counting\"")
	CCW_INTERFACE("ICounterStats iid=11111111-2222-4333-8444-555555555555 custom")
	counter;

struct CCW_CLASS("noncreatable clsid=22222222-3333-4444-8555-666666666666")
	CCW_INTERFACE("ISnapshot iid=33333333-4444-4555-8666-777777777777")
	snapshot {
	CCW_PROPERTY("readonly") long taken_at;
	CCW_PROPERTY("dispid=7") double weight;
	CCW_PROPERTY("readonly name=Label") const char *label;
};

CCW_CONSTRUCTOR struct counter *counter_new(void);
CCW_DESTRUCTOR void counter_free(struct counter *c);

/* Plain methods: scalars of every size, bool, enum, optional, retval. */
CCW_METHOD("dispid=10") int counter_add(struct counter *c, int n);
CCW_METHOD() void counter_reset(struct counter *c);
CCW_METHOD("name=Step hidden") long long counter_step(struct counter *c, int8_t a, uint8_t b,
		int16_t d, uint16_t e, uint32_t f, uint64_t g, float h, double i,
		bool up, enum counter_mode mode, CCW_OPTIONAL("1") int times);
CCW_RESULT("errno") CCW_METHOD() int counter_load(struct counter *c,
		CCW_SIZE_IS("len") const unsigned char *data, size_t len);
CCW_RESULT("minus1") CCW_METHOD() int counter_fill(struct counter *c,
		CCW_INOUT CCW_SIZE_IS("size") void *buffer, size_t size, CCW_OUT int *written);
CCW_RESULT("bool") CCW_METHOD() bool counter_describe(const struct counter *c,
		const char *prefix, CCW_RETVAL char **text);
CCW_METHOD("default") const char *counter_name(const struct counter *c);
CCW_RESULT("nonnull") CCW_METHOD() struct snapshot *counter_snapshot(struct counter *c);
CCW_METHOD() void counter_peek(const struct counter *c, CCW_OUT CCW_TRANSFER("none")
		struct snapshot **last, CCW_INOUT double *scale);
CCW_METHOD() HRESULT counter_visit(struct counter *c, IUnknown *visitor, IDispatch *script,
		BSTR note, VARIANT value, CCW_OUT VARIANT *echo, CCW_OUT BSTR *copy);

/* Properties: getter before setter at the place of the first of them. */
CCW_PROPPUT() void counter_set_limit(struct counter *c, int limit);
CCW_PROPGET() int counter_get_limit(const struct counter *c);
CCW_PROPGET() uint32_t counter_get_total(const struct counter *c);

/* The second interface, custom: slots from 3, no DISPIDs. */
CCW_METHOD("iface=ICounterStats") double counter_mean(const struct counter *c);
CCW_PROPGET("iface=ICounterStats name=Samples") unsigned counter_get_count(const struct counter *c);

/* A function without a self parameter joins the class with class=. */
CCW_METHOD("class=counter name=Version") int counter_library_version(void);

#endif
