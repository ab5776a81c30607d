/*
 * ccw/runtime.h - what generated code calls: libccw's support on every platform.
 *
 * Functions are named ccw_<noun>_<verb>; those that can fail return an HRESULT
 * and set their output parameters only on success.
 */
#ifndef CCW_RUNTIME_H
#define CCW_RUNTIME_H

#include <ccw/com.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Strings: UTF-8 <-> UTF-16 and BSTR (runtime/utf.c) ---------------- */

/*
 * Conversions reject ill-formed input with E_INVALIDARG: in UTF-8, overlong
 * forms, encoded surrogates, code points above U+10FFFF, truncated sequences
 * and stray continuation bytes; in UTF-16, unpaired surrogates. Embedded NULs
 * are ordinary characters. Lengths count code units (bytes of UTF-8,
 * OLECHARs of UTF-16) and never include a terminator.
 */

/** A length meaning "up to the terminating NUL". */
#define CCW_NUL_TERMINATED ((size_t)-1)

/**
 * Converts UTF-8 to UTF-16. With a NULL `out`, only measures.
 *
 * @param utf8    the input; may be NULL only when len is 0
 * @param len     its length in bytes, or CCW_NUL_TERMINATED
 * @param out     receives the OLECHARs (no terminator is written), or NULL
 * @param out_cap the capacity of out in OLECHARs
 * @param out_len receives the number of OLECHARs; may be NULL when out is not
 * @return S_OK; E_INVALIDARG for ill-formed UTF-8;
 *         HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) when out_cap is too
 *         small; E_POINTER for a NULL input with a nonzero len, or NULL out
 *         and out_len. On failure nothing is written.
 */
CCW_API HRESULT ccw_utf8_to_utf16(const char *utf8, size_t len, OLECHAR *out, size_t out_cap,
                                  size_t *out_len);

/**
 * Converts UTF-16 to UTF-8. With a NULL `out`, only measures.
 *
 * @param utf16   the input; may be NULL only when len is 0
 * @param len     its length in OLECHARs, or CCW_NUL_TERMINATED
 * @param out     receives the bytes (no terminator is written), or NULL
 * @param out_cap the capacity of out in bytes
 * @param out_len receives the number of bytes; may be NULL when out is not
 * @return S_OK; E_INVALIDARG for an unpaired surrogate;
 *         HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) when out_cap is too
 *         small; E_OUTOFMEMORY when the output length could not be
 *         represented; E_POINTER as for ccw_utf8_to_utf16. On failure nothing
 *         is written.
 */
CCW_API HRESULT ccw_utf16_to_utf8(const OLECHAR *utf16, size_t len, char *out, size_t out_cap,
                                  size_t *out_len);

/**
 * Makes a BSTR from UTF-8.
 *
 * A NULL input gives a NULL BSTR, which COM treats as the empty string and
 * which lets clients that tell the two apart (.NET's null) see C's NULL; an
 * empty non-NULL input gives an allocated empty BSTR.
 *
 * @param utf8 the input, or NULL
 * @param len  its length in bytes, or CCW_NUL_TERMINATED
 * @param out  receives the BSTR, to be freed with SysFreeString
 * @return S_OK; E_INVALIDARG for ill-formed UTF-8; E_OUTOFMEMORY;
 *         E_POINTER for a NULL out. On failure *out is left untouched.
 */
CCW_API HRESULT ccw_bstr_from_utf8(const char *utf8, size_t len, BSTR *out);

/**
 * Makes a NUL-terminated UTF-8 string from a BSTR; a NULL BSTR is the empty
 * string, as everywhere in COM. The BSTR's length decides, so embedded NULs
 * are kept (read out_len to see past them).
 *
 * @param bstr    the input, or NULL
 * @param out     receives the string, to be freed with ccw_string_free (on
 *                Windows the caller's C runtime may not be libccw's)
 * @param out_len receives its length in bytes without the terminator; may be NULL
 * @return S_OK; E_INVALIDARG for an unpaired surrogate; E_OUTOFMEMORY;
 *         E_POINTER for a NULL out. On failure nothing is written.
 */
CCW_API HRESULT ccw_bstr_to_utf8(BSTR bstr, char **out, size_t *out_len);

/** Frees a string returned by ccw_bstr_to_utf8; NULL is ignored. */
CCW_API void ccw_string_free(char *str);

/** Room a thunk gives each string argument on its stack, in bytes. */
#define CCW_UTF8_BUF_SIZE 256

/**
 * ccw_bstr_to_utf8 into the caller's buffer when the string and its
 * terminator fit, else into a new allocation, so that a thunk converts the
 * usual short argument without malloc.
 *
 * @param bstr    the input, or NULL (the empty string)
 * @param buf     the caller's buffer, or NULL when cap is 0
 * @param cap     its size in bytes
 * @param out     receives buf or the allocated string; free either with
 *                ccw_string_free_buf(*out, buf)
 * @param out_len receives the length in bytes without the terminator; may be NULL
 * @return as ccw_bstr_to_utf8; E_POINTER also for a NULL buf with a nonzero
 *         cap. On failure *out and *out_len are untouched; buf may have been
 *         written.
 */
CCW_API HRESULT ccw_bstr_to_utf8_buf(BSTR bstr, char *buf, size_t cap, char **out,
                                     size_t *out_len);

/** Frees a string from ccw_bstr_to_utf8_buf unless it is buf; NULL is ignored. */
CCW_API void ccw_string_free_buf(char *str, const char *buf);

/* ---- Byte buffers: SAFEARRAY(BYTE) <-> C bytes (runtime/bytes.c) -------- */

/**
 * The bytes of a SAFEARRAY(BYTE) argument, borrowed: a call is synchronous,
 * so the caller's array stays put while C reads it. A NULL array is empty.
 *
 * @param array the array, or NULL
 * @param data  receives its data (NULL when empty)
 * @param count receives its element count
 * @return S_OK; E_INVALIDARG for an array that is not one-dimensional or
 *         whose elements are not bytes; E_POINTER for a NULL data or count
 */
CCW_API HRESULT ccw_safearray_bytes(SAFEARRAY *array, void **data, ULONG *count);

/**
 * A new SAFEARRAY(BYTE) holding a copy of `count` bytes (NULL data: an empty
 * array), for a value a C library hands out.
 *
 * @param data  the bytes, or NULL
 * @param count how many; a SAFEARRAY counts its elements in a ULONG
 * @param out   receives the array, to be freed with SafeArrayDestroy
 * @return S_OK; E_OUTOFMEMORY when the allocation fails or count does not
 *         fit in a ULONG; E_POINTER for a NULL out. On failure *out is untouched.
 */
CCW_API HRESULT ccw_safearray_from_bytes(const void *data, ULONGLONG count, SAFEARRAY **out);

/* ---- Objects: wrapper header, QueryInterface tables, module lock (runtime/object.c) */

/*
 * Layout of a wrapper: one allocation per COM object (DESIGN.md §9).  For a
 * class with interfaces IFoo and IBar the generator emits
 *
 *     struct foo_ccw {
 *         ccw_object header;       -- always first
 *         const IFooVtbl *IFoo;    -- the IFoo pointer is (IFoo *)&wrapper->IFoo
 *         const IBarVtbl *IBar;
 *     };
 *
 * and one thunk per interface method.  A thunk finds the header again with
 * CCW_OBJECT_FROM(This, struct foo_ccw, IFoo) and the C object in
 * header->c_object; its QueryInterface/AddRef/Release slots call
 * ccw_object_query_interface/add_ref/release.  The header itself carries
 * the object's own (nondelegating) IUnknown and the built-in
 * ISupportErrorInfo, so the generator writes neither.
 */

typedef struct ccw_module ccw_module;
typedef struct ccw_class ccw_class;
typedef struct ccw_object ccw_object;

/*
 * Reference and lock counts: atomics that only libccw (built as C11)
 * touches.  Code compiled as C++ or as older C sees a plain ULONG, which has
 * the same size and alignment (object.c checks).
 */
#if !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && \
    !defined(__STDC_NO_ATOMICS__)
typedef _Atomic ULONG ccw_atomic_ulong;
#else
typedef ULONG ccw_atomic_ulong;
#endif

/*
 * A component's lock count, DllCanUnloadNow's answer.  Each generated
 * component defines one `static ccw_module`, zero-initialized (no other
 * initialization is needed), and points every one of its classes at it.
 * Live wrappers, live class factories and IClassFactory::LockServer(TRUE)
 * each hold one lock.
 */
struct ccw_module {
    ccw_atomic_ulong locks;
};

/*
 * Constant-time QueryInterface.  A class's QI table is a power-of-two array
 * of slots; an IID lives in slot `ccw_iid_hash(iid, seed) & mask`, and the
 * generator picks the seed and size (with ccw_qi_table_build) so that no two
 * of the class's IIDs share a slot.  A lookup is one hash and one IID
 * comparison.  Empty slots have iid == NULL.
 *
 * The table holds every IID the object answers, each with the offset of the
 * interface pointer within the wrapper:
 *   IID_IUnknown          at CCW_OBJECT_UNKNOWN_OFFSET
 *   IID_ISupportErrorInfo at CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET
 *   IID_IDispatch         at the default dual interface's field (only if the
 *                         class has one)
 *   each interface's IID  at offsetof(wrapper, field)
 */
typedef struct ccw_qi_slot {
    const IID *iid;
    size_t offset;
} ccw_qi_slot;

typedef struct ccw_qi_shape {
    uint32_t seed;
    uint32_t mask; /* slot count - 1; the slot count is a power of two */
} ccw_qi_shape;

typedef struct ccw_qi_table {
    ccw_qi_shape shape;
    const ccw_qi_slot *slots; /* shape.mask + 1 entries */
} ccw_qi_table;

/* Most IIDs one QI table can hold. */
#define CCW_QI_MAX_IIDS 256

/* One interface of a class: its IID, its vtable and where its vtable
 * pointer lives in the wrapper. */
typedef struct ccw_class_interface {
    const IID *iid;
    const void *vtbl;
    size_t offset; /* offsetof(wrapper, field) */
} ccw_class_interface;

/*
 * The threading model a class declares (CCW_CLASS threading=), registered
 * with it: Windows' ThreadingModel "Both", "Free", "Apartment"; a serialized
 * class (ccw serializes the calls into legacy code) registers as
 * "Apartment" on Windows, so that COM serializes them there too.
 */
typedef enum ccw_threading {
    CCW_THREADING_BOTH = 0,
    CCW_THREADING_FREE,
    CCW_THREADING_APARTMENT,
    CCW_THREADING_SERIALIZED
} ccw_threading;

/*
 * The static description of a class that the generator emits (use
 * designated initializers: fields may be added).  `construct` and `destroy`
 * are small generated adapters around the CCW_CONSTRUCTOR/CCW_DESTRUCTOR
 * functions, so that no function is called through a pointer of another
 * type.
 */
struct ccw_class {
    const char *name;   /* coclass name, e.g. "Counter" */
    const char *progid; /* "Vendor.Name", also the source of its errors; NULL if noncreatable */
    const CLSID *clsid;
    size_t size;        /* sizeof the generated wrapper struct (header first) */
    const ccw_class_interface *interfaces;
    size_t interface_count;
    ccw_qi_table qi;
    void *(*construct)(void);        /* NULL: noncreatable */
    void (*destroy)(void *c_object); /* NULL: nothing to free */
    ccw_module *module;
    ccw_threading threading; /* CCW_CLASS threading=; zero is CCW_THREADING_BOTH */
    const char *version;     /* CCW_CLASS version= ("M.m"), or NULL */
};

/*
 * The header of every wrapper.  Generated code reads `c_object` (and may
 * read `cls`); everything else belongs to libccw.
 */
struct ccw_object {
    const void *nondelegating;      /* IUnknownVtbl: the object's own IUnknown */
    const void *support_error_info; /* ISupportErrorInfoVtbl: the built-in one */
    IUnknown *outer; /* controlling unknown; the nondelegating one when not aggregated */
    const ccw_class *cls;
    void *c_object;
    ccw_atomic_ulong refs; /* counted by the nondelegating IUnknown */
    bool owns;             /* destroy c_object with cls->destroy at the final Release */
};

#define CCW_OBJECT_UNKNOWN_OFFSET offsetof(ccw_object, nondelegating)
#define CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET offsetof(ccw_object, support_error_info)

/*
 * The wrapper header behind an interface pointer whose vtable-pointer field
 * is `offset` bytes into the wrapper.
 */
static inline ccw_object *ccw_object_from_interface(void *iface, size_t offset)
{
    return (ccw_object *)(void *)((char *)iface - offset);
}

/* CCW_OBJECT_FROM(This, struct foo_ccw, IFoo): the header of This's wrapper. */
#define CCW_OBJECT_FROM(iface, wrapper_type, field) \
    ccw_object_from_interface((iface), offsetof(wrapper_type, field))

/**
 * Hash an IID for the QI tables.  Defined on the GUID's field values, not
 * its bytes in memory, so the generator's host and the target agree.
 *
 * @param iid the IID
 * @param seed the table's seed
 * @return the 32-bit hash
 */
CCW_API uint32_t ccw_iid_hash(const IID *iid, uint32_t seed);

/**
 * Choose a QI table shape for a set of IIDs: the smallest power-of-two slot
 * count, and a seed, that put every IID in a slot of its own.  The result
 * depends only on the IIDs and their order, so generated output is
 * reproducible.  The generator calls this, then places each IID at
 * ccw_qi_table_slot(&shape, iid).
 *
 * @param out the shape, set on success
 * @param iids the IIDs (no duplicates)
 * @param count how many, 1 to CCW_QI_MAX_IIDS
 * @return S_OK; E_POINTER if out or iids (or one of its entries) is NULL;
 *         E_INVALIDARG for a count out of range or a duplicate IID; E_FAIL
 *         if no seed separates them (not expected: the search goes up to
 *         2^16 slots with 1024 seeds per size); E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_qi_table_build(ccw_qi_shape *out, const IID *const *iids, size_t count);

/**
 * The slot an IID occupies (or would occupy) in a table of this shape.
 *
 * @param shape the table's shape
 * @param iid the IID
 * @return an index from 0 to shape->mask
 */
CCW_API uint32_t ccw_qi_table_slot(const ccw_qi_shape *shape, const IID *iid);

/**
 * Find an IID in a QI table in constant time.
 *
 * @param table the table
 * @param iid the IID looked for
 * @return its slot, or NULL when the table does not hold it
 */
CCW_API const ccw_qi_slot *ccw_qi_table_lookup(const ccw_qi_table *table, const IID *iid);

/**
 * Create a wrapper for a C object and return one of its interfaces.
 *
 * Allocates cls->size bytes, fills in every vtable pointer, takes a module
 * lock, then queries the new object for riid.  Without an outer unknown
 * *out is the requested interface.  With one (aggregation) riid must be
 * IID_IUnknown and *out is the nondelegating IUnknown that the outer object
 * keeps; every other interface then delegates QueryInterface, AddRef and
 * Release to the outer object.
 *
 * Ownership: when `owns` is true the wrapper takes the C object at the call,
 * whatever the outcome: cls->destroy runs exactly once, at the final Release,
 * or before this function returns when it fails.  When `owns` is false the
 * C object is borrowed and never destroyed by the wrapper.
 *
 * @param cls the class (not NULL)
 * @param outer the controlling unknown when aggregated, else NULL
 * @param c_object the C object (not NULL)
 * @param owns whether the wrapper owns c_object
 * @param riid the interface wanted
 * @param out the interface pointer, with one reference; NULL on failure
 * @return S_OK; E_POINTER if out is NULL; E_INVALIDARG if c_object is NULL;
 *         CLASS_E_NOAGGREGATION if outer is set and riid is not IID_IUnknown;
 *         E_OUTOFMEMORY; E_NOINTERFACE if the class lacks riid
 */
CCW_API HRESULT ccw_object_create(const ccw_class *cls, IUnknown *outer, void *c_object,
                                  bool owns, REFIID riid, void **out);

/**
 * IUnknown::QueryInterface for every interface of a wrapper.  Delegates to
 * the outer object when aggregated; otherwise looks riid up in the class's
 * QI table.
 *
 * @param obj the wrapper
 * @param riid the interface wanted
 * @param ppv the interface pointer, AddRef'd; set to NULL on failure
 * @return S_OK; E_POINTER if ppv is NULL; E_NOINTERFACE
 */
CCW_API HRESULT ccw_object_query_interface(ccw_object *obj, REFIID riid, void **ppv);

/**
 * IUnknown::AddRef for every interface of a wrapper (delegates to the outer
 * object when aggregated).
 *
 * @param obj the wrapper
 * @return the new count, for diagnostics only
 */
CCW_API ULONG ccw_object_add_ref(ccw_object *obj);

/**
 * IUnknown::Release for every interface of a wrapper (delegates to the outer
 * object when aggregated).  The final Release destroys an owned C object and
 * frees the wrapper.
 *
 * @param obj the wrapper
 * @return the new count, for diagnostics only
 */
CCW_API ULONG ccw_object_release(ccw_object *obj);

/**
 * Take one lock on a component (a live object, or LockServer(TRUE)).
 *
 * @param module the component's module
 * @return the new lock count
 */
CCW_API ULONG ccw_module_lock(ccw_module *module);

/**
 * Drop one lock taken with ccw_module_lock.
 *
 * @param module the component's module
 * @return the new lock count
 */
CCW_API ULONG ccw_module_unlock(ccw_module *module);

/**
 * DllCanUnloadNow for a component.
 *
 * @param module the component's module
 * @return S_OK when no object, class factory or server lock is alive,
 *         else S_FALSE
 */
CCW_API HRESULT ccw_module_can_unload(ccw_module *module);

/**
 * Create an instance of a class, as its class factory's CreateInstance does
 * (generated NAME_ccw_create calls this): call cls->construct and wrap the
 * new C object with ccw_object_create, owning it.  A NULL from the
 * constructor fails with the HRESULT of its errno (E_OUTOFMEMORY when errno
 * is 0) and raises the message it set with ccw_error_set_message (else
 * strerror's text) as IErrorInfo.  Aggregation requests for anything but
 * IID_IUnknown are refused before the constructor runs.
 *
 * @param cls the class
 * @param outer the controlling unknown when aggregated, else NULL
 * @param riid the interface wanted (IID_IUnknown when aggregated)
 * @param out the interface, with one reference; NULL on failure
 * @return S_OK; E_POINTER if out is NULL; CLASS_E_CLASSNOTAVAILABLE for a
 *         class without a constructor; CLASS_E_NOAGGREGATION; the
 *         constructor's failure; as ccw_object_create otherwise
 *         (E_OUTOFMEMORY, E_NOINTERFACE)
 */
CCW_API HRESULT ccw_class_create_instance(const ccw_class *cls, IUnknown *outer, REFIID riid,
                                          void **out);

/**
 * Create an IClassFactory for a class (DllGetClassObject's work once the
 * CLSID is found).  CreateInstance is ccw_class_create_instance.  LockServer
 * takes and drops module locks.  The factory holds a module lock while it
 * lives.
 *
 * @param cls the class
 * @param riid the interface wanted (IID_IClassFactory or IID_IUnknown)
 * @param out the factory, with one reference; NULL on failure
 * @return S_OK; E_POINTER if out is NULL; CLASS_E_CLASSNOTAVAILABLE for a
 *         class without a constructor; E_OUTOFMEMORY; E_NOINTERFACE
 */
CCW_API HRESULT ccw_class_factory_create(const ccw_class *cls, REFIID riid, void **out);


/* ---- Errors: messages from C implementations -> IErrorInfo (runtime/error.c) */

#if defined(__MINGW32__) && !defined(__clang__)
/* libccw is built as C11, so mingw-w64 gives it its own C99 printf (%zu,
 * %lld), not msvcrt's, whose format checks gcc's `printf` means there.
 * (clang knows no gnu_printf and checks C99 formats for `printf`.) */
#define CCW_PRINTF_FORMAT(fmt, first) __attribute__((format(gnu_printf, fmt, first)))
#elif defined(__GNUC__) || defined(__clang__)
#define CCW_PRINTF_FORMAT(fmt, first) __attribute__((format(printf, fmt, first)))
#else
#define CCW_PRINTF_FORMAT(fmt, first)
#endif

/* Longest pending message kept, in bytes including the NUL; longer ones are
 * cut at a UTF-8 character boundary. */
#define CCW_ERROR_MESSAGE_MAX 1024

/**
 * Attach a message to the call that is failing on this thread: a C
 * implementation calls this just before it returns its failure, and the
 * generated thunk raises it as the IErrorInfo description.  The message is
 * UTF-8, formatted like printf, and kept thread-locally until it is raised
 * or cleared.  A later call replaces it; one whose arguments cannot be
 * formatted leaves no message pending.
 *
 * @param fmt printf-style format (not NULL), then its arguments
 */
CCW_API void ccw_error_set_message(const char *fmt, ...) CCW_PRINTF_FORMAT(1, 2);

/**
 * The pending message of this thread.
 *
 * @return the message (valid until this thread sets, raises or clears it),
 *         or NULL when none is pending
 */
CCW_API const char *ccw_error_message(void);

/**
 * Discard this thread's pending message.  A message set by a C call that
 * then succeeded stays pending until raised or cleared; a thunk that calls
 * this before calling into C makes sure such a message never describes a
 * later failure.
 */
CCW_API void ccw_error_clear(void);

/**
 * Map an errno value to an HRESULT (DESIGN.md §9): EINVAL -> E_INVALIDARG,
 * ENOMEM -> E_OUTOFMEMORY, EACCES and EPERM -> E_ACCESSDENIED, ENOENT ->
 * HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), ENOSYS and ENOTSUP -> E_NOTIMPL,
 * any other -> MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + err).
 *
 * @param err a positive errno value
 * @return the HRESULT
 */
CCW_API HRESULT ccw_hresult_from_errno(int err);

/**
 * Raise the error of a failing call as this thread's IErrorInfo
 * (CreateErrorInfo + SetErrorInfo): source = `source`, description = the
 * pending message if there is one, else `description`, GUID = `iid`.  The
 * pending message is cleared.  A text that is not valid UTF-8 is left out
 * (the rest of the error is kept).  When the error object cannot be built the
 * thread's error info is cleared instead, so that a stale one never
 * describes this failure.
 *
 * @param hr the failure being returned
 * @param source the class's ProgID (UTF-8), or NULL for none
 * @param iid the interface whose method failed, or NULL for GUID_NULL
 * @param description fallback text (UTF-8), or NULL for none
 * @return hr, so that a thunk can `return ccw_error_raise(...)`
 */
CCW_API HRESULT ccw_error_raise(HRESULT hr, const char *source, const IID *iid,
                                const char *description);

/**
 * ccw_error_raise for an errno failure: the HRESULT is
 * ccw_hresult_from_errno(err) and the fallback description is the C
 * library's text for err (strerror).
 *
 * @param err a positive errno value
 * @param source the class's ProgID (UTF-8), or NULL
 * @param iid the interface whose method failed, or NULL
 * @return ccw_hresult_from_errno(err)
 */
CCW_API HRESULT ccw_error_raise_errno(int err, const char *source, const IID *iid);

/* ---- Dispatch: dual IDispatch and type information (runtime/dispatch.c,
 *      runtime/typeinfo.c).  docs/dispatch.md has the rules. ------------- */

/*
 * For every interface the generator emits one static ccw_dispatch_table
 * (designated initializers: fields may be added) and, for a dual one, the
 * four IDispatch slots.  They call ccw_dispatch_get_type_info_count,
 * ccw_dispatch_get_type_info, ccw_dispatch_get_ids_of_names and, for
 * Invoke, follow this pattern:
 *
 *     ccw_invocation inv;
 *     HRESULT hr = ccw_dispatch_begin(&inv, &IFoo_dispatch, dispid, riid, lcid,
 *                                     flags, params, result, excepinfo, arg_err);
 *     if (FAILED(hr))
 *         return hr;
 *     switch (inv.function) {          -- the index in IFoo_dispatch.functions
 *     case 0: hr = IFoo_Add(This, V_I4(&inv.args[0]), V_I4(&inv.args[1]));
 *             break;
 *     ...
 *     }
 *     return ccw_dispatch_end(&inv, hr);
 *
 * ccw_dispatch_begin finds the function and fetches every argument into
 * inv.args[i] (i = the COM parameter's position), holding exactly the
 * parameter's VARIANT type; [out] and [retval] slots hold a zero of it, so
 * the generated code passes &V_I4(&inv.args[i]).  ccw_dispatch_end writes
 * [out] values back, moves the [retval] into the result, turns a failure
 * into DISP_E_EXCEPTION and frees what it must.
 *
 * Names are found in constant time: each table carries a perfect hash of
 * its case-folded member names (and of each method's parameter names, keyed
 * by member) and one of its DISPIDs, both shaped by the generator with
 * ccw_dispatch_names_build and ccw_dispatch_members_build.  Names are ASCII
 * identifiers, so folding is ASCII only.
 */

/* Most COM parameters a dispatched function may have, [retval] included. */
#define CCW_DISPATCH_MAX_PARAMS 32

/* A hash table's shape: a power-of-two slot count and the seed that gives
 * every key a slot of its own. */
typedef struct ccw_dispatch_shape {
    uint32_t seed;
    uint32_t mask; /* slot count - 1 */
} ccw_dispatch_shape;

/* An optional parameter's default, typed by the generator so that the
 * runtime parses nothing: the member the parameter's vt selects.  Left out
 * (all zero) it is zero, false or an empty string. */
typedef union ccw_dispatch_default {
    LONGLONG i8;      /* VT_I1, _I2, _I4, _I8, _INT, _ERROR; VT_BOOL: nonzero is true */
    ULONGLONG ui8;    /* VT_UI1, _UI2, _UI4, _UI8, _UINT */
    DOUBLE r8;        /* VT_R4, VT_R8 */
    const char *text; /* VT_BSTR: UTF-8; NULL is empty */
} ccw_dispatch_default;

/* One parameter of a function, in COM signature order. */
typedef struct ccw_dispatch_param {
    const char *name;          /* UTF-8 */
    VARTYPE vt;                /* the VARIANT type of its value: VT_I4, VT_BSTR,
                                  VT_ARRAY|VT_UI1, VT_DISPATCH, VT_VARIANT, ... */
    USHORT flags;              /* PARAMFLAG_FIN, _FOUT, _FRETVAL, _FOPT */
    ccw_dispatch_default default_value; /* PARAMFLAG_FOPT: its default */
    const IID *iid;            /* an object: the interface the function takes
                                  (the argument is queried for it); else NULL */
} ccw_dispatch_param;

/* One vtable method of the interface (a property's get and put are two). */
typedef struct ccw_dispatch_function {
    const char *name;   /* the member's name */
    DISPID dispid;
    INVOKEKIND invkind; /* INVOKE_FUNC, _PROPERTYGET, _PROPERTYPUT, _PROPERTYPUTREF */
    USHORT slot;        /* its vtable slot */
    WORD flags;         /* FUNCFLAG_FHIDDEN, ... */
    const ccw_dispatch_param *params; /* the COM signature, [retval] last */
    USHORT param_count;
    const char *help;   /* NULL when none */
} ccw_dispatch_function;

/* A DISPID and the functions that answer it: a slot of the member hash,
 * empty when name is NULL. */
typedef struct ccw_dispatch_member {
    const char *name;
    DISPID dispid;
    const ccw_dispatch_function *method, *get, *put, *putref; /* NULL: none */
} ccw_dispatch_member;

/* A slot of the name hash: a member's name, or the name of one of its
 * parameters. */
typedef struct ccw_dispatch_name {
    const char *folded; /* ASCII lower case; NULL: an empty slot */
    USHORT length;      /* strlen(folded) */
    USHORT member;      /* the member's slot in the member hash */
    SHORT param;        /* -1: the member's own name; else a parameter's position */
} ccw_dispatch_name;

typedef struct ccw_typelib ccw_typelib;

/* What the runtime knows about one interface. */
typedef struct ccw_dispatch_table {
    const char *name;   /* the interface's name */
    const IID *iid;
    const char *help;   /* NULL when none */
    const char *source; /* the class's ProgID: EXCEPINFO's source when a failing
                           method raised no error information; may be NULL */
    bool dual;          /* else custom: type information only */
    bool raises_error_info; /* every function sets the thread's IErrorInfo
                               whenever it fails, as ccwgen's thunks do: Invoke
                               then need not clear a stale one before the call */
    const ccw_dispatch_function *functions; /* vtable order */
    USHORT function_count;
    ccw_dispatch_shape member_shape;
    const ccw_dispatch_member *members; /* member_shape.mask + 1 slots */
    ccw_dispatch_shape name_shape;
    const ccw_dispatch_name *names;     /* name_shape.mask + 1 slots */
    const ccw_typelib *library;         /* for GetContainingTypeLib; may be NULL */
} ccw_dispatch_table;

/* A coclass, for the type library. */
typedef struct ccw_typelib_class {
    const char *name;
    const CLSID *clsid;
    const char *help;
    bool creatable;
    const ccw_dispatch_table *const *interfaces; /* declaration order */
    USHORT interface_count;
    USHORT default_interface; /* index in interfaces */
} ccw_typelib_class;

/* The type library of a generated unit: its interfaces are type infos 0 to
 * interface_count - 1, its classes follow. */
struct ccw_typelib {
    const char *name;
    const GUID *libid;
    WORD version_major, version_minor;
    const char *help;
    const ccw_dispatch_table *const *interfaces;
    USHORT interface_count;
    const ccw_typelib_class *classes;
    USHORT class_count;
};

/* The state of one Invoke, on the generated Invoke's stack. */
typedef struct ccw_invocation {
    VARIANT args[CCW_DISPATCH_MAX_PARAMS]; /* by COM parameter position */
    USHORT function;                       /* the index in table->functions */
    /* The rest belongs to libccw. */
    const ccw_dispatch_table *table;
    const ccw_dispatch_function *callee;
    DISPPARAMS *params;
    VARIANT *result;
    EXCEPINFO *excepinfo;
    UINT *arg_error;
    LCID lcid;
    uint32_t owned;                     /* bit i: libccw frees args[i] */
    uint32_t write_back;                /* bit i: args[i] goes back through rgvarg */
    UINT from[CCW_DISPATCH_MAX_PARAMS]; /* rgvarg index of parameter i, or UINT_MAX */
} ccw_invocation;

/**
 * The hash of a name key, as ccw_dispatch_get_ids_of_names computes it from
 * the caller's UTF-16 text.
 *
 * @param key the key (folded, length, member and param are read)
 * @param seed the table's seed
 * @return the 32-bit hash
 */
CCW_API uint32_t ccw_dispatch_name_hash(const ccw_dispatch_name *key, uint32_t seed);

/**
 * Shape a name hash (the generator calls this): a power-of-two slot count,
 * and a seed, that give every key a slot of its own; key k goes to slot
 * ccw_dispatch_name_hash(k, seed) & mask.  The count starts at the smallest
 * one where a random seed would succeed with probability 1/256 or more
 * (docs/dispatch.md).  The result depends only on the set of keys.
 *
 * @param out the shape, set on success
 * @param keys the keys
 * @param count how many, 1 to 65536
 * @return S_OK; E_POINTER for a NULL out, keys or folded name; E_INVALIDARG
 *         for a count out of range or two equal keys; E_FAIL if no seed
 *         separates them; E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_dispatch_names_build(ccw_dispatch_shape *out, const ccw_dispatch_name *keys,
                                         size_t count);

/**
 * The slot of a DISPID in a member hash of this shape.
 *
 * @param shape the shape
 * @param dispid the DISPID
 * @return an index from 0 to shape->mask
 */
CCW_API uint32_t ccw_dispatch_member_slot(const ccw_dispatch_shape *shape, DISPID dispid);

/**
 * Shape a member hash, as ccw_dispatch_names_build does.
 *
 * @param out the shape, set on success
 * @param dispids the DISPIDs
 * @param count how many, 1 to 65536
 * @return S_OK; E_POINTER for a NULL out or dispids; E_INVALIDARG for a
 *         count out of range or a duplicate; E_FAIL if no seed separates
 *         them; E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_dispatch_members_build(ccw_dispatch_shape *out, const DISPID *dispids,
                                           size_t count);

/**
 * IDispatch::GetTypeInfoCount of a dual interface.
 *
 * @param out receives 1
 * @return S_OK; E_INVALIDARG for a NULL out
 */
CCW_API HRESULT ccw_dispatch_get_type_info_count(UINT *out);

/**
 * IDispatch::GetTypeInfo: the ITypeInfo of the interface (TKIND_DISPATCH
 * with TYPEFLAG_FDUAL for a dual one).  It holds a lock on the module while
 * it lives, so that the component is not unloaded under it.
 *
 * @param table the interface
 * @param module the component's module, or NULL
 * @param index must be 0
 * @param out the type information, with one reference
 * @return S_OK; E_INVALIDARG for a NULL table or out; DISP_E_BADINDEX;
 *         E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_dispatch_get_type_info(const ccw_dispatch_table *table, ccw_module *module,
                                           UINT index, ITypeInfo **out);

/**
 * IDispatch::GetIDsOfNames, in constant time and without allocating: the
 * first name is a member's (case-insensitive), the others name parameters
 * of that member and map to their positions.  Unknown names get
 * DISPID_UNKNOWN while the known ones are still filled.
 *
 * @param table the interface
 * @param riid must be IID_NULL
 * @param names the names; a NULL entry is unknown
 * @param count how many
 * @param out receives count DISPIDs
 * @return S_OK; DISP_E_UNKNOWNNAME when any name is unknown;
 *         DISP_E_UNKNOWNINTERFACE for another riid; E_INVALIDARG for a NULL
 *         array or a zero count
 */
CCW_API HRESULT ccw_dispatch_get_ids_of_names(const ccw_dispatch_table *table, REFIID riid,
                                              LPOLESTR *names, UINT count, DISPID *out);

/**
 * The first half of IDispatch::Invoke: check the request, pick the function
 * and fetch its arguments into inv->args.  On failure there is nothing to
 * clean up and the result is what Invoke returns, with *arg_error (when not
 * NULL) set to the offending rgvarg index for DISP_E_TYPEMISMATCH,
 * DISP_E_OVERFLOW, DISP_E_BADVARTYPE, DISP_E_PARAMNOTFOUND and
 * DISP_E_PARAMNOTOPTIONAL.  Allocates only to convert arguments.
 *
 * @return S_OK; DISP_E_UNKNOWNINTERFACE; E_INVALIDARG for malformed
 *         DISPPARAMS; DISP_E_MEMBERNOTFOUND; DISP_E_BADPARAMCOUNT;
 *         DISP_E_PARAMNOTOPTIONAL; DISP_E_PARAMNOTFOUND; DISP_E_NONAMEDARGS;
 *         DISP_E_TYPEMISMATCH; DISP_E_OVERFLOW; DISP_E_BADVARTYPE;
 *         E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_dispatch_begin(ccw_invocation *inv, const ccw_dispatch_table *table,
                                   DISPID dispid, REFIID riid, LCID lcid, WORD flags,
                                   DISPPARAMS *params, VARIANT *result, EXCEPINFO *excepinfo,
                                   UINT *arg_error);

/**
 * The second half of IDispatch::Invoke, after the early-bound call.
 *
 * @param inv what ccw_dispatch_begin filled
 * @param hr what the early-bound method returned
 * @return S_OK, with [out] values written back through by-reference
 *         arguments and the [retval] in the result (VT_EMPTY without one);
 *         DISP_E_EXCEPTION when hr failed, with the EXCEPINFO (when given)
 *         filled from the thread's IErrorInfo and scode = hr; the error of
 *         a write-back that failed, with *arg_error set
 */
CCW_API HRESULT ccw_dispatch_end(ccw_invocation *inv, HRESULT hr);

/**
 * An ITypeLib over a unit's type library (what
 * ITypeInfo::GetContainingTypeLib returns).
 *
 * @param library the library
 * @param module the component's module (locked while the library lives), or NULL
 * @param out the type library, with one reference
 * @return S_OK; E_INVALIDARG for a NULL library or out; E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_typelib_create(const ccw_typelib *library, ccw_module *module,
                                   ITypeLib **out);

/* ---- Activation: registering components (runtime/server_unix.c,
 *      runtime/server_windows.c) and the JSON registry off Windows
 *      (runtime/registry.c).  docs/activation.md has the details. ------ */

/* The Windows limit on a ProgID's length, in characters. */
#define CCW_PROGID_MAX 39

/**
 * Whether text is a ProgID: a letter, then letters, digits, '_' and single
 * dots (not at the end), at most CCW_PROGID_MAX characters.  ccwgen checks
 * the ProgIDs it emits, and registration and activation the ones they get,
 * with this one rule.
 *
 * @param text the ProgID in UTF-8, or NULL
 * @return true if it is one; false otherwise, and for NULL
 */
CCW_API bool ccw_progid_is_valid(const char *text);

/**
 * DllRegisterServer's work: register the creatable classes (those with a
 * constructor and a ProgID; the others are skipped) of the component that
 * contains `address_in_module`.
 *
 * Off Windows this is one atomic update of the JSON registry that updates
 * go to (ccw_registry_path): per class an entry keyed by its CLSID with its
 * ProgID, coclass name, threading model, version and the component's
 * absolute path (found with dladdr).  A ProgID names one class: an entry of
 * another CLSID that had it loses it.  On Windows it writes
 * HKCR\CLSID\{clsid} (default value: the coclass name) with
 * InprocServer32 (default value: the DLL's path, ThreadingModel) and ProgID,
 * and HKCR\<ProgID> with its CLSID.
 *
 * On failure the reason, naming the file concerned, is raised as this
 * thread's IErrorInfo (source "ccw").
 *
 * @param classes the component's classes
 * @param count how many
 * @param address_in_module any address in the component (one of its
 *        functions or variables)
 * @return S_OK; E_POINTER for NULL classes, a NULL entry or a NULL address;
 *         E_INVALIDARG for a class without a CLSID, or a registered class
 *         whose ProgID is invalid (ccw_progid_is_valid) or whose threading
 *         is unknown; HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND) when the
 *         address is in no loaded module; off Windows E_ACCESSDENIED for a
 *         registry or component that others could write, REGDB_E_READREGDB
 *         for a registry that cannot be read or is corrupt (it is left
 *         untouched) and REGDB_E_WRITEREGDB when it cannot be written; on
 *         Windows the HRESULT of the failing registry call
 */
CCW_API HRESULT ccw_server_register(const ccw_class *const *classes, size_t count,
                                    const void *address_in_module);

/**
 * DllUnregisterServer's work: remove what ccw_server_register wrote for
 * these classes.  Off Windows only the entries that still name this
 * component are removed (another component may have registered the CLSID
 * since); a class that is not registered is not an error.
 *
 * @param classes the component's classes
 * @param count how many
 * @param address_in_module any address in the component
 * @return as for ccw_server_register
 */
CCW_API HRESULT ccw_server_unregister(const ccw_class *const *classes, size_t count,
                                      const void *address_in_module);

#ifndef _WIN32

/*
 * The registry files: $CCW_REGISTRY, a colon-separated list of absolute
 * paths, else $XDG_DATA_HOME/ccw/registry.json (default
 * ~/.local/share/ccw/registry.json) then /etc/ccw/registry.json.  Lookups
 * read them in that order and the first file that has the CLSID or ProgID
 * answers; updates go to the first file only.  A file that is missing is
 * empty; one that is corrupt, or that other users could write, is an error.
 */

/* One class of the registry. */
typedef struct ccw_registry_entry {
    CLSID clsid;
    char *progid;    /* NULL when the class has none */
    char *name;      /* the coclass name, or NULL */
    char *path;      /* the component, as registered */
    char *threading; /* "both", "free", "apartment" or "serialized" */
    char *version;   /* "M.m", or NULL */
    char *registry;  /* the registry file it comes from */
} ccw_registry_entry;

/**
 * The registry file that updates go to.
 *
 * @param out receives the path, to be freed with ccw_string_free
 * @return S_OK; E_POINTER for a NULL out; E_INVALIDARG when $CCW_REGISTRY
 *         names a relative path; E_FAIL when no home directory is known;
 *         E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_registry_path(char **out);

/**
 * Every class of every registry file, in lookup order (a CLSID can appear
 * once per file: the first one is the one activation uses).
 *
 * @param out receives the entries (NULL when there are none), to be freed
 *        with ccw_registry_list_free
 * @param out_count receives their number
 * @return S_OK; E_POINTER for a NULL out or out_count; E_ACCESSDENIED,
 *         REGDB_E_READREGDB as for ccw_server_register; E_OUTOFMEMORY
 */
CCW_API HRESULT ccw_registry_list(ccw_registry_entry **out, size_t *out_count);

/**
 * Free what ccw_registry_list returned.
 *
 * @param entries the entries, or NULL
 * @param count their number
 */
CCW_API void ccw_registry_list_free(ccw_registry_entry *entries, size_t count);

/**
 * Remove one class from the registry file that updates go to, whatever
 * component it names (`ccw unregister PROGID`).
 *
 * @param key the class's ProgID (compared without regard to ASCII case) or
 *        its CLSID in braces
 * @return S_OK; E_POINTER for a NULL key; REGDB_E_CLASSNOTREG when that file
 *         has no such class; otherwise as for ccw_server_register
 */
CCW_API HRESULT ccw_registry_remove(const char *key);

/**
 * Check a component file the way registration and activation do, before
 * anything loads it (`ccw register` calls this before dlopen).
 *
 * @param path the component
 * @return S_OK; E_POINTER for a NULL path; E_ACCESSDENIED for a relative
 *         path, a file that is not a regular file or one that others can
 *         write; CO_E_DLLNOTFOUND for a missing file (raised, as for
 *         ccw_server_register)
 */
CCW_API HRESULT ccw_registry_check_component(const char *path);

#endif /* !_WIN32 */

#ifdef __cplusplus
}
#endif

#endif /* CCW_RUNTIME_H */
