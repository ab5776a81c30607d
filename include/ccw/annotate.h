/*
 * ccw/annotate.h - annotation macros that turn a C library's header into the
 * description of COM components (DESIGN.md §4).
 *
 * Under clang (which is what ccwgen's libclang parser is) every macro expands
 * to `__attribute__((annotate("ccw:<kind> <options>")))`; under any other
 * compiler to nothing, so the annotated header still builds the library
 * unchanged with gcc or MSVC. The header is valid C99, C11 and C++.
 *
 * Options are space-separated tokens: bare flags or key=value, a value may be
 * double-quoted with \" escapes (inside a C string literal that is written
 * `help=\"say \\\"hi\\\"\"`). GUIDs are accepted with or without braces.
 *
 * Where each macro goes:
 *
 *   struct CCW_CLASS("progid=Acme.Counter clsid=…")
 *          CCW_INTERFACE("ICounter iid=… dual default") counter;
 *       between `struct` and the tag (that is where clang attaches an attribute
 *       to the struct itself); a forward declaration of an opaque struct is
 *       enough. One CCW_INTERFACE per interface.
 *
 *   CCW_CONSTRUCTOR struct counter *counter_new(void);
 *   CCW_DESTRUCTOR void counter_free(struct counter *c);
 *   CCW_METHOD("dispid=5") int counter_add(struct counter *c, CCW_IN int n);
 *   CCW_PROPGET() int counter_get_value(const struct counter *c);
 *   CCW_PROPPUT() void counter_set_value(struct counter *c, int value);
 *   CCW_RESULT("errno") CCW_METHOD() int counter_load(struct counter *c,
 *           CCW_SIZE_IS("len") const unsigned char *data, size_t len);
 *       before the function declaration; several macros may be combined.
 *
 *   int f(struct counter *c, CCW_OUT CCW_TRANSFER("none") const char **name);
 *       parameter macros go before the parameter's type.
 *
 *   struct point { CCW_PROPERTY("readonly") int x; };
 *       before a field of a struct the header defines.
 *
 * The macros that take options can be used with no options as `CCW_METHOD()`
 * (an empty macro argument, valid since C99 and C++11) or `CCW_METHOD("")`;
 * the ones without options (CCW_CONSTRUCTOR, CCW_DESTRUCTOR, CCW_IN,
 * CCW_OUT, CCW_INOUT, CCW_RETVAL, CCW_HIDDEN) are written without parentheses.
 */
#ifndef CCW_ANNOTATE_H
#define CCW_ANNOTATE_H

#if defined(__clang__)
#define CCW_ANNOTATE_(text) __attribute__((annotate(text)))
#else
#define CCW_ANNOTATE_(text)
#endif

/* A struct that becomes a coclass: progid=, clsid=, name=, version=M.m, help=,
 * noncreatable, threading=both|free|apartment|serialized, hidden. */
#define CCW_CLASS(options) CCW_ANNOTATE_("ccw:class " options)
/* One interface of that class: its name first, then iid=, dual|custom,
 * default, help=, hidden. */
#define CCW_INTERFACE(options) CCW_ANNOTATE_("ccw:interface " options)
/* `T *f(void)`: the class factory's constructor. */
#define CCW_CONSTRUCTOR CCW_ANNOTATE_("ccw:constructor")
/* `void f(T *)`: called once, at the final Release of an owned object. */
#define CCW_DESTRUCTOR CCW_ANNOTATE_("ccw:destructor")
/* A method: iface=, name=, dispid=N, default, hidden, help=, class=<tag>. */
#define CCW_METHOD(options) CCW_ANNOTATE_("ccw:method " options)
/* A property getter / setter: the method options. */
#define CCW_PROPGET(options) CCW_ANNOTATE_("ccw:propget " options)
#define CCW_PROPPUT(options) CCW_ANNOTATE_("ccw:propput " options)
/* A field of a defined struct exposed as a property: readonly, name=, dispid=N,
 * iface=, hidden, help=. */
#define CCW_PROPERTY(options) CCW_ANNOTATE_("ccw:property " options)
/* Parameter directions; CCW_RETVAL implies out. */
#define CCW_IN CCW_ANNOTATE_("ccw:in")
#define CCW_OUT CCW_ANNOTATE_("ccw:out")
#define CCW_INOUT CCW_ANNOTATE_("ccw:inout")
#define CCW_RETVAL CCW_ANNOTATE_("ccw:retval")
/* An in parameter late-bound callers may omit; the text is its default value
 * (empty: zero, false or the empty string). */
#define CCW_OPTIONAL(default_value) CCW_ANNOTATE_("ccw:optional " default_value)
/* A byte buffer whose length is the named integer parameter; that parameter
 * disappears from the COM signature. */
#define CCW_SIZE_IS(param) CCW_ANNOTATE_("ccw:size_is " param)
/* How the C return reports failure: value, errno, minus1, bool, nonnull, hresult. */
#define CCW_RESULT(kind) CCW_ANNOTATE_("ccw:result " kind)
/* Ownership of a returned pointer or out value: full or none. */
#define CCW_TRANSFER(kind) CCW_ANNOTATE_("ccw:transfer " kind)
/* In the model, hidden from late-bound name lookup. */
#define CCW_HIDDEN CCW_ANNOTATE_("ccw:hidden")

#endif /* CCW_ANNOTATE_H */
