/*
 * object.c - the wrapper object behind every generated COM class: its
 * header, table-driven QueryInterface, reference counting, aggregation,
 * the per-component module lock and a generic class factory.
 *
 * Built on every platform: only the standard COM API is used here.
 */
#include "hash.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(offsetof(ccw_object, nondelegating) == 0,
               "the nondelegating IUnknown is the wrapper's address, so that it is the identity");
_Static_assert(sizeof(ccw_atomic_ulong) == sizeof(ULONG) &&
                   _Alignof(ccw_atomic_ulong) == _Alignof(ULONG),
               "C++ and pre-C11 code see the counts as plain ULONGs");

/* ---- QueryInterface tables -------------------------------------------- */

/* The largest table ccw_qi_table_build tries: 2^16 slots separate
 * CCW_QI_MAX_IIDS random IIDs with a handful of seeds. */
#define QI_MAX_SLOTS (UINT32_C(1) << 16)

static uint32_t rotate_left(uint32_t x, unsigned n)
{
    return (x << n) | (x >> (32u - n));
}

/* One MurmurHash3 (x86, 32-bit) block round. */
static uint32_t hash_round(uint32_t h, uint32_t k)
{
    k *= UINT32_C(0xcc9e2d51);
    k = rotate_left(k, 15);
    k *= UINT32_C(0x1b873593);
    h ^= k;
    h = rotate_left(h, 13);
    return h * 5u + UINT32_C(0xe6546b64);
}

static uint32_t big_endian_word(const unsigned char *bytes)
{
    return (uint32_t)bytes[0] << 24 | (uint32_t)bytes[1] << 16 | (uint32_t)bytes[2] << 8 |
           (uint32_t)bytes[3];
}

static uint32_t iid_hash(const IID *iid, uint32_t seed)
{
    uint32_t h = seed;

    h = hash_round(h, (uint32_t)iid->Data1);
    h = hash_round(h, (uint32_t)iid->Data2 << 16 | (uint32_t)iid->Data3);
    h = hash_round(h, big_endian_word(&iid->Data4[0]));
    h = hash_round(h, big_endian_word(&iid->Data4[4]));
    return ccw_mix32(h ^ (uint32_t)sizeof(IID));
}

static uint32_t slot_index(const ccw_qi_shape *shape, const IID *iid)
{
    return iid_hash(iid, shape->seed) & shape->mask;
}

static bool same_iid(const IID *a, const IID *b)
{
    return memcmp(a, b, sizeof(IID)) == 0;
}

static const ccw_qi_slot *qi_lookup(const ccw_qi_table *table, const IID *iid)
{
    const ccw_qi_slot *slot = &table->slots[slot_index(&table->shape, iid)];

    return slot->iid && same_iid(slot->iid, iid) ? slot : NULL;
}

static uint32_t listed_iid_hash(const void *iids, size_t i, uint32_t seed)
{
    return iid_hash(((const IID *const *)iids)[i], seed);
}

CCW_API uint32_t ccw_iid_hash(const IID *iid, uint32_t seed)
{
    return iid_hash(iid, seed);
}

CCW_API HRESULT ccw_qi_table_build(ccw_qi_shape *out, const IID *const *iids, size_t count)
{
    size_t i, j;

    if (!out || !iids)
        return E_POINTER;
    if (count == 0 || count > CCW_QI_MAX_IIDS)
        return E_INVALIDARG;
    for (i = 0; i < count; i++) {
        if (!iids[i])
            return E_POINTER;
        for (j = 0; j < i; j++) {
            if (same_iid(iids[i], iids[j]))
                return E_INVALIDARG; /* no seed can separate equal IIDs */
        }
    }

    return hash_find_seed(&out->seed, &out->mask, count, 1, QI_MAX_SLOTS, listed_iid_hash,
                          iids);
}

CCW_API uint32_t ccw_qi_table_slot(const ccw_qi_shape *shape, const IID *iid)
{
    return slot_index(shape, iid);
}

CCW_API const ccw_qi_slot *ccw_qi_table_lookup(const ccw_qi_table *table, const IID *iid)
{
    return qi_lookup(table, iid);
}

/* ---- Module lock ------------------------------------------------------ */

static ULONG module_lock(ccw_module *module)
{
    return atomic_fetch_add_explicit(&module->locks, 1, memory_order_relaxed) + 1;
}

static ULONG module_unlock(ccw_module *module)
{
    /* Pairs with the acquire in ccw_module_can_unload: what an object did
     * before it dropped its lock happens before the unload that allows. */
    return atomic_fetch_sub_explicit(&module->locks, 1, memory_order_release) - 1;
}

CCW_API ULONG ccw_module_lock(ccw_module *module)
{
    return module_lock(module);
}

CCW_API ULONG ccw_module_unlock(ccw_module *module)
{
    return module_unlock(module);
}

CCW_API HRESULT ccw_module_can_unload(ccw_module *module)
{
    return atomic_load_explicit(&module->locks, memory_order_acquire) == 0 ? S_OK : S_FALSE;
}

/* ---- Wrapper objects -------------------------------------------------- */

static IUnknown *own_unknown(ccw_object *obj)
{
    return (IUnknown *)(void *)&obj->nondelegating;
}

static bool is_aggregated(ccw_object *obj)
{
    return obj->outer != own_unknown(obj);
}

static void destroy_c_object(const ccw_class *cls, void *c_object)
{
    if (c_object && cls->destroy)
        cls->destroy(c_object);
}

static void destroy_object(ccw_object *obj)
{
    const ccw_class *cls = obj->cls;

    if (obj->owns)
        destroy_c_object(cls, obj->c_object);
    free(obj);
    module_unlock(cls->module);
}

static ULONG inner_add_ref(ccw_object *obj)
{
    return atomic_fetch_add_explicit(&obj->refs, 1, memory_order_relaxed) + 1;
}

static ULONG inner_release(ccw_object *obj)
{
    /* acq_rel: every use of the object by other threads happens before the
     * destructor run by the thread that drops the last reference. */
    ULONG left = atomic_fetch_sub_explicit(&obj->refs, 1, memory_order_acq_rel) - 1;

    if (left == 0)
        destroy_object(obj);
    return left;
}

static ULONG delegating_add_ref(ccw_object *obj)
{
    if (is_aggregated(obj))
        return obj->outer->lpVtbl->AddRef(obj->outer);
    return inner_add_ref(obj);
}

static HRESULT inner_query_interface(ccw_object *obj, REFIID riid, void **ppv)
{
    const ccw_qi_slot *slot;

    if (!ppv)
        return E_POINTER;
    slot = qi_lookup(&obj->cls->qi, riid);
    if (!slot) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    /* An interface is AddRef'd through itself: when aggregated, every one
     * but the nondelegating IUnknown counts on the outer object. */
    if (slot->offset == CCW_OBJECT_UNKNOWN_OFFSET)
        inner_add_ref(obj);
    else
        delegating_add_ref(obj);
    *ppv = (char *)obj + slot->offset;
    return S_OK;
}

CCW_API HRESULT ccw_object_query_interface(ccw_object *obj, REFIID riid, void **ppv)
{
    if (is_aggregated(obj))
        return obj->outer->lpVtbl->QueryInterface(obj->outer, riid, ppv);
    return inner_query_interface(obj, riid, ppv);
}

CCW_API ULONG ccw_object_add_ref(ccw_object *obj)
{
    return delegating_add_ref(obj);
}

CCW_API ULONG ccw_object_release(ccw_object *obj)
{
    if (is_aggregated(obj))
        return obj->outer->lpVtbl->Release(obj->outer);
    return inner_release(obj);
}

/* The nondelegating IUnknown: the object's identity when it stands alone,
 * the inner object's own count when it is aggregated. */

static ccw_object *object_from_own_unknown(IUnknown *unknown)
{
    return ccw_object_from_interface(unknown, CCW_OBJECT_UNKNOWN_OFFSET);
}

static HRESULT STDMETHODCALLTYPE nondelegating_query_interface(IUnknown *This, REFIID riid,
                                                               void **ppv)
{
    return inner_query_interface(object_from_own_unknown(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE nondelegating_add_ref(IUnknown *This)
{
    return inner_add_ref(object_from_own_unknown(This));
}

static ULONG STDMETHODCALLTYPE nondelegating_release(IUnknown *This)
{
    return inner_release(object_from_own_unknown(This));
}

static const IUnknownVtbl nondelegating_vtbl = {
    .QueryInterface = nondelegating_query_interface,
    .AddRef = nondelegating_add_ref,
    .Release = nondelegating_release,
};

/* The built-in ISupportErrorInfo: every method of the class's own
 * interfaces raises IErrorInfo on failure (through ccw_error_raise). */

static ccw_object *object_from_support_error_info(ISupportErrorInfo *iface)
{
    return ccw_object_from_interface(iface, CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET);
}

static HRESULT STDMETHODCALLTYPE support_error_info_query_interface(ISupportErrorInfo *This,
                                                                    REFIID riid, void **ppv)
{
    return ccw_object_query_interface(object_from_support_error_info(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE support_error_info_add_ref(ISupportErrorInfo *This)
{
    return ccw_object_add_ref(object_from_support_error_info(This));
}

static ULONG STDMETHODCALLTYPE support_error_info_release(ISupportErrorInfo *This)
{
    return ccw_object_release(object_from_support_error_info(This));
}

static HRESULT STDMETHODCALLTYPE support_error_info_interface_supports(ISupportErrorInfo *This,
                                                                      REFIID riid)
{
    const ccw_class *cls = object_from_support_error_info(This)->cls;
    size_t i;

    for (i = 0; i < cls->interface_count; i++) {
        if (same_iid(cls->interfaces[i].iid, riid))
            return S_OK;
    }
    return S_FALSE;
}

static const ISupportErrorInfoVtbl support_error_info_vtbl = {
    .QueryInterface = support_error_info_query_interface,
    .AddRef = support_error_info_add_ref,
    .Release = support_error_info_release,
    .InterfaceSupportsErrorInfo = support_error_info_interface_supports,
};

/* COM's aggregation rule: an outer object may only ask for the inner
 * object's IUnknown, which it keeps as its private, nondelegating handle. */
static HRESULT check_aggregation(IUnknown *outer, REFIID riid)
{
    return outer && !same_iid(riid, &IID_IUnknown) ? CLASS_E_NOAGGREGATION : S_OK;
}

CCW_API HRESULT ccw_object_create(const ccw_class *cls, IUnknown *outer, void *c_object,
                                  bool owns, REFIID riid, void **out)
{
    ccw_object *obj = NULL;
    HRESULT hr;
    size_t i;

    if (!out)
        hr = E_POINTER;
    else if (!c_object)
        hr = E_INVALIDARG;
    else
        hr = check_aggregation(outer, riid);
    if (out)
        *out = NULL;
    if (SUCCEEDED(hr)) {
        obj = calloc(1, cls->size);
        if (!obj)
            hr = E_OUTOFMEMORY;
    }
    if (FAILED(hr)) {
        if (owns)
            destroy_c_object(cls, c_object);
        return hr;
    }

    obj->nondelegating = &nondelegating_vtbl;
    obj->support_error_info = &support_error_info_vtbl;
    obj->outer = outer ? outer : own_unknown(obj);
    obj->cls = cls;
    obj->c_object = c_object;
    obj->owns = owns;
    atomic_init(&obj->refs, 1);
    for (i = 0; i < cls->interface_count; i++) {
        const ccw_class_interface *entry = &cls->interfaces[i];

        memcpy((char *)obj + entry->offset, &entry->vtbl, sizeof(entry->vtbl));
    }
    module_lock(cls->module);

    /* The creation reference keeps the object alive across the query;
     * dropping it destroys the object when the query failed. */
    hr = inner_query_interface(obj, riid, out);
    inner_release(obj);
    return hr;
}

/* ---- Class factory ---------------------------------------------------- */

typedef struct class_factory {
    const IClassFactoryVtbl *vtbl; /* the IClassFactory pointer is &factory->vtbl */
    _Atomic ULONG refs;
    const ccw_class *cls;
} class_factory;

static class_factory *factory_from_iface(IClassFactory *iface)
{
    return (class_factory *)(void *)((char *)iface - offsetof(class_factory, vtbl));
}

static IClassFactory *factory_iface(class_factory *factory)
{
    return (IClassFactory *)(void *)&factory->vtbl;
}

static ULONG STDMETHODCALLTYPE factory_add_ref(IClassFactory *This)
{
    return atomic_fetch_add_explicit(&factory_from_iface(This)->refs, 1, memory_order_relaxed) + 1;
}

static ULONG STDMETHODCALLTYPE factory_release(IClassFactory *This)
{
    class_factory *factory = factory_from_iface(This);
    ULONG left = atomic_fetch_sub_explicit(&factory->refs, 1, memory_order_acq_rel) - 1;

    if (left == 0) {
        ccw_module *module = factory->cls->module;

        free(factory);
        module_unlock(module);
    }
    return left;
}

static HRESULT STDMETHODCALLTYPE factory_query_interface(IClassFactory *This, REFIID riid,
                                                         void **ppv)
{
    if (!ppv)
        return E_POINTER;
    if (!same_iid(riid, &IID_IUnknown) && !same_iid(riid, &IID_IClassFactory)) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    factory_add_ref(This);
    *ppv = This;
    return S_OK;
}

CCW_API HRESULT ccw_class_create_instance(const ccw_class *cls, IUnknown *outer, REFIID riid,
                                          void **out)
{
    void *c_object;
    HRESULT hr;

    if (!out)
        return E_POINTER;
    *out = NULL;
    if (!cls->construct)
        return CLASS_E_CLASSNOTAVAILABLE;
    /* Checked before the constructor runs, so a refused call has no side
     * effects in the C library. */
    hr = check_aggregation(outer, riid);
    if (FAILED(hr))
        return hr;

    ccw_error_clear();
    errno = 0;
    c_object = cls->construct();
    if (!c_object)
        return ccw_error_raise_errno(errno ? errno : ENOMEM, cls->progid, &IID_IClassFactory);
    return ccw_object_create(cls, outer, c_object, true, riid, out);
}

static HRESULT STDMETHODCALLTYPE factory_create_instance(IClassFactory *This, IUnknown *outer,
                                                         REFIID riid, void **ppv)
{
    return ccw_class_create_instance(factory_from_iface(This)->cls, outer, riid, ppv);
}

static HRESULT STDMETHODCALLTYPE factory_lock_server(IClassFactory *This, BOOL lock)
{
    ccw_module *module = factory_from_iface(This)->cls->module;

    if (lock)
        module_lock(module);
    else
        module_unlock(module);
    return S_OK;
}

static const IClassFactoryVtbl class_factory_vtbl = {
    .QueryInterface = factory_query_interface,
    .AddRef = factory_add_ref,
    .Release = factory_release,
    .CreateInstance = factory_create_instance,
    .LockServer = factory_lock_server,
};

CCW_API HRESULT ccw_class_factory_create(const ccw_class *cls, REFIID riid, void **out)
{
    class_factory *factory;
    HRESULT hr;

    if (!out)
        return E_POINTER;
    *out = NULL;
    if (!cls->construct)
        return CLASS_E_CLASSNOTAVAILABLE;
    factory = malloc(sizeof(*factory));
    if (!factory)
        return E_OUTOFMEMORY;
    factory->vtbl = &class_factory_vtbl;
    atomic_init(&factory->refs, 1);
    factory->cls = cls;
    module_lock(cls->module);

    hr = factory_query_interface(factory_iface(factory), riid, out);
    factory_release(factory_iface(factory));
    return hr;
}
