/*
 * kitchen: an e2e test library with a bit of everything the generator maps:
 * four interfaces (dual and custom), scalars of every width, strings in and
 * out with both transfers, byte buffers, every result convention, objects of
 * another class returned and passed in, a field property, a class function.
 * It knows nothing of COM; tests/e2e/test_kitchen.c drives it through the
 * generated vtables.
 */
#ifndef KITCHEN_H
#define KITCHEN_H

#include <ccw/annotate.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ccw/com.h> /* HRESULT, for the hresult convention */

enum kitchen_mood { KITCHEN_CALM, KITCHEN_BUSY, KITCHEN_CLOSED };

struct CCW_CLASS("progid=E2E.Kitchen clsid=6A1B0C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D version=1.2 threading=free "
		 "help=\"A kitchen with one of everything\"")
	CCW_INTERFACE("IKitchen iid=6A1B0C2D-3E4F-4A5B-8C6D-7E8F9A0B1C01 dual default")
	CCW_INTERFACE("IStrings iid=6A1B0C2D-3E4F-4A5B-8C6D-7E8F9A0B1C02 dual")
	CCW_INTERFACE("IBytes iid=6A1B0C2D-3E4F-4A5B-8C6D-7E8F9A0B1C03 custom")
	CCW_INTERFACE("IResults iid=6A1B0C2D-3E4F-4A5B-8C6D-7E8F9A0B1C04 custom")
	kitchen {
	CCW_PROPERTY("dispid=50") int level;
	int value;
	char *label;
	struct item *shelf;
};

/* A noncreatable class: kitchens hand items out. */
struct CCW_CLASS("noncreatable progid=E2E.Item clsid=6A1B0C2D-3E4F-4A5B-8C6D-7E8F9A0B1C10")
	CCW_INTERFACE("IItem iid=6A1B0C2D-3E4F-4A5B-8C6D-7E8F9A0B1C11 dual")
	item;

CCW_CONSTRUCTOR struct kitchen *kitchen_new(void);
CCW_DESTRUCTOR void kitchen_free(struct kitchen *k);

/* IKitchen: scalars. */
CCW_METHOD() int kitchen_add(struct kitchen *k, int a, int b);
CCW_METHOD() double kitchen_mix(const struct kitchen *k, int8_t a, uint8_t b, int16_t c,
		uint16_t d, uint32_t e, int64_t f, uint64_t g, float h);
CCW_METHOD() bool kitchen_negate(const struct kitchen *k, bool flag);
CCW_METHOD() enum kitchen_mood kitchen_next_mood(const struct kitchen *k, enum kitchen_mood mood);
CCW_METHOD() void kitchen_divide(const struct kitchen *k, int a, int b, CCW_OUT int *quotient,
		CCW_OUT int *remainder);
CCW_METHOD() void kitchen_twice(const struct kitchen *k, CCW_INOUT double *x,
		CCW_INOUT bool *flag);
CCW_PROPGET() int kitchen_get_value(const struct kitchen *k);
CCW_PROPPUT() void kitchen_set_value(struct kitchen *k, int value);
CCW_METHOD("class=kitchen") int kitchen_version(void);
/* Late-bound defaults of every kind: ccwgen writes them into the dispatch
 * table as typed values, so Invoke parses no text (and no locale).  The
 * numbers are whole because widl rejects a fractional defaultvalue (MIDL
 * takes it); fractions are covered by tests/unit/test_dispatch.c. */
CCW_METHOD() char *kitchen_defaults(const struct kitchen *k, CCW_OPTIONAL("2") double x,
		CCW_OPTIONAL("-3") float y, CCW_OPTIONAL("-5") int64_t n,
		CCW_OPTIONAL("4000000000") uint64_t u, CCW_OPTIONAL("true") bool flag,
		CCW_OPTIONAL("1,5") const char *text);

/* IStrings: UTF-8 in and out, both transfers. */
CCW_METHOD("iface=IStrings") char *kitchen_echo(const struct kitchen *k, const char *text);
CCW_PROPGET("iface=IStrings") const char *kitchen_get_label(const struct kitchen *k);
CCW_PROPPUT("iface=IStrings") CCW_RESULT("errno")
int kitchen_set_label(struct kitchen *k, const char *label);
CCW_METHOD("iface=IStrings") CCW_RESULT("errno")
int kitchen_join(const struct kitchen *k, const char *a, const char *b, CCW_OUT char **joined,
		CCW_OUT CCW_TRANSFER("none") const char **first);
CCW_METHOD("iface=IStrings") size_t kitchen_length(const struct kitchen *k, const char *text);
CCW_METHOD("iface=IStrings") char *kitchen_bad_utf8(const struct kitchen *k);

/* IBytes: SAFEARRAY(BYTE) in and in/out. */
CCW_METHOD("iface=IBytes") uint32_t kitchen_sum(const struct kitchen *k,
		CCW_SIZE_IS("len") const unsigned char *data, size_t len);
CCW_METHOD("iface=IBytes") void kitchen_invert(const struct kitchen *k,
		CCW_INOUT CCW_SIZE_IS("len") unsigned char *data, int len);

/* IResults: every result convention. */
CCW_METHOD("iface=IResults") CCW_RESULT("errno") int kitchen_fail_errno(struct kitchen *k,
		int err);
CCW_METHOD("iface=IResults") CCW_RESULT("minus1") int kitchen_fail_minus1(struct kitchen *k,
		bool fail, CCW_OUT int *got);
CCW_METHOD("iface=IResults") CCW_RESULT("bool") bool kitchen_check(struct kitchen *k, int n);
CCW_METHOD("iface=IResults") CCW_RESULT("nonnull") struct item *kitchen_make_item(
		struct kitchen *k, int id);
CCW_METHOD("iface=IResults") CCW_RESULT("hresult") HRESULT kitchen_hresult(struct kitchen *k,
		HRESULT hr);
CCW_METHOD("iface=IResults") CCW_TRANSFER("none") struct item *kitchen_shelf(struct kitchen *k);
CCW_METHOD("iface=IResults") CCW_RESULT("errno") int kitchen_weigh(struct kitchen *k,
		struct item *item, CCW_OUT int *id);

/* IItem */
CCW_PROPGET() int item_get_id(const struct item *item);
CCW_DESTRUCTOR void item_free(struct item *item);

/* For the tests (not annotated): how many kitchens and items were freed. */
int kitchen_freed(void);
int item_freed(void);

#endif
