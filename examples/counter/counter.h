/*
 * counter: a small C library, annotated in place to become the COM class
 * Example.Counter. Built with gcc or MSVC the macros vanish and this is a
 * plain C header.
 */
#ifndef COUNTER_H
#define COUNTER_H

#include <ccw/annotate.h>

#include <stdbool.h>

/* The counter's state is private to counter.c. */
struct CCW_CLASS("progid=Example.Counter clsid=8C5A3F1E-2B7D-4E10-9F6A-1D2C3B4A5E60 "
		 "version=1.0 help=\"A counter that counts up and down\"")
	CCW_INTERFACE("ICounter iid=3E9B1C7A-5D24-4F8B-A0C1-7E6D5F4B3A21 dual default")
	CCW_INTERFACE("INamed iid=5F2A8D3C-1E4B-4C7D-9B6A-2F1E0D9C8B74 dual")
	counter;

CCW_CONSTRUCTOR struct counter *counter_new(void);
CCW_DESTRUCTOR void counter_free(struct counter *c);

/* ICounter */
CCW_PROPGET("help=\"The current count\"") int counter_get_value(const struct counter *c);
CCW_PROPPUT() void counter_set_value(struct counter *c, int value);

/* Adds `step` (1 when a late-bound caller leaves it out); fails with ERANGE
 * when the count would overflow. */
CCW_METHOD("help=\"Adds step to the count\"") CCW_RESULT("errno")
int counter_add(struct counter *c, CCW_OPTIONAL("1") int step);

CCW_METHOD() void counter_reset(struct counter *c);

CCW_PROPGET() bool counter_get_is_zero(const struct counter *c);

/* INamed */
CCW_PROPGET("iface=INamed") const char *counter_get_name(const struct counter *c);

/* Renames the counter; fails with EINVAL for an empty name. */
CCW_PROPPUT("iface=INamed") CCW_RESULT("errno")
int counter_set_name(struct counter *c, const char *name);

/* A new string "<name> = <value>", owned by the caller. */
CCW_METHOD("iface=INamed") char *counter_describe(const struct counter *c);

#endif
